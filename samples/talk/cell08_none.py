# Generator pipelining
