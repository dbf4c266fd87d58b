"""The echo server of the echo benchmark with asyncio streams, as the asyncio
documentation writes one. Prints its port (127.0.0.1, a free one), then serves
until killed."""
import asyncio


async def handle(reader, writer):
    while True:
        data = await reader.read(4096)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
