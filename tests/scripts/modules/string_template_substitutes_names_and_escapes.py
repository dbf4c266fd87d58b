# string.Template fills $name and ${name} from a mapping and keywords; $$ is a dollar.
from string import Template

t = Template("$who likes ${what}; it costs $$5, says $who")
print(t.template)
print(t.substitute(who="tim", what="ham"))
print(t.substitute({"who": "tim", "what": "ham"}, who="bob"))
print(t.safe_substitute(who="ann"))
print(t.safe_substitute({"what": "jam"}))
print(t.get_identifiers(), t.is_valid())
print(Template("${ab}c $abc $ABC $a_1$b2 $_").substitute(ab=1, abc=2, ABC=3, a_1="x", b2="y", _="u"))
print(Template("$x and $y").substitute(dict(x=[1, 2]), y=None))
print(Template("$self $mapping").substitute(self="s", mapping="m"))
print(Template("no placeholders").substitute(), Template("").get_identifiers())
print(Template.delimiter, Template.idpattern, Template.braceidpattern, Template.flags)
