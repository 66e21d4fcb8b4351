#!/usr/bin/env python3
"""Writes a deterministic portfolio of N answers for the benchmarks.

Every kind of answer, realistic lengths (60-600 words) and markup: front
matter (YAML and TOML), STAR sections in several shapes, lists, tables, code
blocks, links, emphasis, a few typos and weak phrases for the rules to find.

    bench/gen_corpus.py OUT_DIR [N] [SEED]
"""
import argparse
import os
import random

TOOLS = ["PostgreSQL", "Redis", "Kafka", "Kubernetes", "Terraform", "Grafana", "Prometheus",
         "Elasticsearch", "RabbitMQ", "DynamoDB", "S3", "Lambda", "Docker", "gRPC", "GraphQL",
         "Nginx", "Datadog", "Sentry", "MySQL", "MongoDB", "Celery", "Airflow", "Spark", "Go",
         "Python", "Java", "Spring Boot", "Django", "FastAPI", "Node.js", "TypeScript", "Jenkins",
         "GitHub Actions", "Helm", "Istio", "Envoy", "Cassandra", "ClickHouse", "Snowflake"]
NOUNS = ["service", "queue", "cache", "pipeline", "database", "endpoint", "deployment", "cluster",
         "migration", "job", "index", "schema", "dashboard", "alert", "runbook", "API", "worker"]
VERBS = ["designed", "rewrote", "profiled", "migrated", "split", "instrumented", "benchmarked",
         "automated", "documented", "reviewed", "shipped", "rolled back", "sharded", "cached"]
TEAM = ["the payments team", "two backend engineers", "our SRE group", "the mobile team",
        "a product manager", "the data platform team", "my tech lead"]
FILLER = ["basically", "to be honest", "kind of", "I guess", "actually"]
CLICHES = ["team player", "think outside the box", "hit the ground running"]
TYPOS = ["recieve", "seperate", "definately", "occured", "untill"]
METRICS = ["p95 latency fell from {a} ms to {b} ms", "error rate dropped by {p}%",
           "throughput rose to {n} requests per second", "we saved ${m}k a year",
           "on-call pages went from {a} to {c} a month", "the job ran {x}x faster",
           "{n} customers moved over in {w} weeks", "build time dropped from {a} to {c} minutes"]
KIND_DIRS = {"behavioral": "behavioral", "technical": "technical",
             "system-design": "system-design", "project": "projects", "question": "questions-to-ask"}


def metric(r):
    return r.choice(METRICS).format(a=r.randint(200, 3000), b=r.randint(20, 190),
                                    p=r.randint(5, 90), n=r.randint(100, 50000),
                                    m=r.randint(10, 900), c=r.randint(1, 9),
                                    x=r.randint(2, 20), w=r.randint(2, 12))


def sentence(r, quantified=False, first_person=True):
    who = "I" if first_person or r.random() < 0.5 else "We"
    s = (f"{who} {r.choice(VERBS)} the {r.choice(NOUNS)} with {r.choice(TOOLS)} "
         f"after talking to {r.choice(TEAM)}")
    if quantified:
        s += f", and {metric(r)}"
    if r.random() < 0.15:
        s = f"{r.choice(FILLER).capitalize()}, {s if who == 'I' else s[0].lower() + s[1:]}"
    if r.random() < 0.05:
        s += f", because I am a {r.choice(CLICHES)}"
    if r.random() < 0.04:
        s += f" and did not {r.choice(TYPOS)} any complaints"
    if r.random() < 0.3:
        s += f" using `{r.choice(TOOLS)}`"
    return s + "."


def paragraph(r, n, quantified=False):
    return " ".join(sentence(r, quantified and i == n - 1) for i in range(n))


def star(r, shape):
    names = [("Situation", "Context"), ("Task", "Goal"), ("Action", "Approach"), ("Result", "Outcome")]
    out = []
    for i, pair in enumerate(names):
        name = pair[r.random() < 0.2]
        body = paragraph(r, r.randint(5, 10) if name in ("Action", "Approach") else r.randint(2, 5),
                         quantified=i == 3)
        if shape == 0:
            out.append(f"### {name}\n\n{body}\n")
        elif shape == 1:
            out.append(f"**{name}:** {body}\n")
        elif shape == 2:
            out.append(f"**{name}**\n\n{body}\n")
        else:
            out.append(f"- **{name[0]}**: {body}")
    if r.random() < 0.08:
        out.pop()
    return "\n".join(out) + "\n"


def code_block(r):
    return r.choice([
        "```sql\nSELECT user_id, count(*) FROM orders\nWHERE created_at > now() - interval '1 day'\nGROUP BY user_id;\n```\n",
        "```python\ndef retry(fn, attempts=3):\n    for i in range(attempts):\n        try:\n            return fn()\n        except TimeoutError:\n            continue\n```\n",
        "```go\nfunc handler(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusOK)\n}\n```\n",
        "```json\n{\"limit\": 100, \"window\": \"1m\"}\n```\n",
        "```\nGET /v1/links/{code} -> 302\n```\n",
    ])


def technical(r):
    parts = [paragraph(r, r.randint(3, 6)) for _ in range(r.randint(3, 6))]
    if r.random() < 0.6:
        parts.insert(1, code_block(r))
    if r.random() < 0.7:
        parts.append("The trade-off is more moving parts versus a simpler deployment.")
    if r.random() < 0.3:
        parts.append("| option | latency | cost |\n|---|---|---|\n| cache | 5 ms | low |\n| replica | 40 ms | medium |\n")
    return "\n\n".join(parts) + "\n"


def system_design(r):
    out = []
    for name in ["Requirements", "Data model", "API", "Scalability"]:
        if r.random() < 0.07:
            continue
        body = paragraph(r, r.randint(3, 7))
        if name == "Requirements":
            body += "\n\n" + "\n".join(f"- {paragraph(r, 1)}" for _ in range(3))
        if name == "API" and r.random() < 0.6:
            body += "\n\n" + code_block(r)
        out.append(f"## {name}\n\n{body}\n")
    return "\n".join(out)


def answer(r, i, kind):
    question = f"Question {i}: how did you handle the {r.choice(NOUNS)} problem at {r.choice(['Acme', 'Globex', 'Initech', 'Umbrella'])}?"
    if r.random() < 0.1:
        front = f'+++\nquestion = "{question}"\nkind = "{kind}"\n+++\n'
    elif r.random() < 0.95:
        front = f'---\nquestion: "{question}"\nkind: {kind}\ntags: [{r.choice(NOUNS)}, {r.choice(NOUNS)}]\n---\n'
    else:
        front = ""
    title = f"# {question}\n\n"
    if kind == "behavioral":
        body = star(r, r.randint(0, 3))
    elif kind == "technical":
        body = technical(r)
    elif kind == "system-design":
        body = system_design(r)
    elif kind == "project":
        body = paragraph(r, 3) + "\n\n" + star(r, 0)
    else:
        body = "\n".join(f"- {sentence(r)[:-1]}?" for _ in range(r.randint(6, 12))) + "\n"
    return front + title + body


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", metavar="OUT_DIR", help="folder to write (created)")
    parser.add_argument("n", metavar="N", type=int, nargs="?", default=10000,
                        help="number of answers (10000)")
    parser.add_argument("seed", metavar="SEED", type=int, nargs="?", default=42,
                        help="random seed (42)")
    args = parser.parse_args()
    out, n = args.out, args.n
    r = random.Random(args.seed)
    kinds = ["behavioral"] * 4 + ["technical"] * 3 + ["system-design"] * 2 + ["project", "question"]
    for i in range(n):
        kind = r.choice(kinds)
        folder = os.path.join(out, KIND_DIRS[kind], f"group-{i % 50:02d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"answer-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(answer(r, i, kind))


if __name__ == "__main__":
    main()
