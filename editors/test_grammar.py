#!/usr/bin/env python3
"""Checks editors/ivr.tmLanguage.json against the examples.

A small TextMate tokenizer: it applies the grammar's top-level patterns (with `include`s
from the repository) line by line, handling `match` rules with captures and `begin`/`end`
rules, choosing at each position the rule whose match starts first (the first listed on a
tie, an open rule's `end` before its patterns), as editors do. The `regex` package reads
the grammar's Oniguruma patterns. Exit status 0 when every expected scope is found.
"""
import json
import os
import sys

import regex

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GRAMMAR = json.load(open(os.path.join(HERE, "ivr.tmLanguage.json"), encoding="utf-8"))
_compiled = {}


def compiled(pattern):
    if pattern not in _compiled:
        _compiled[pattern] = regex.compile(pattern)
    return _compiled[pattern]


def expand(patterns):
    """Rules in order, with includes and pattern groups flattened."""
    rules = []
    for rule in patterns:
        if "include" in rule:
            name = rule["include"]
            target = {"patterns": GRAMMAR["patterns"]} if name == "$self" else GRAMMAR["repository"][name[1:]]
            rules += expand([target])
        elif "match" in rule or "begin" in rule:
            rules.append(rule)
        else:
            rules += expand(rule.get("patterns", []))
    return rules


def captured(match, captures, scopes, tokens):
    """Tokens for a match: capture groups get their own scope, the rest the rule's."""
    position = match.start()
    for group in sorted((int(key) for key in captures if key != "0" and match.start(int(key)) >= 0),
                        key=match.start):
        start, end = match.span(group)
        if start < position:
            continue
        if start > position:
            tokens.append((match.string[position:start], scopes))
        if end > start:
            tokens.append((match.string[start:end], scopes + [captures[str(group)]["name"]]))
        position = end
    if "0" in captures and match.end() > match.start():
        tokens.append((match.group(0), scopes + [captures["0"]["name"]]))
    elif match.end() > position:
        tokens.append((match.string[position:match.end()], scopes))


def tokenize_line(line, stack):
    """(text, scopes) pairs for one line; `stack` holds begin rules still open."""
    tokens = []
    position = 0
    while position < len(line):
        scopes = ["source.ivr"] + [rule["name"] for rule in stack if "name" in rule]
        open_rule = stack[-1] if stack else None
        rules = expand(open_rule.get("patterns", [])) if open_rule else expand(GRAMMAR["patterns"])
        best, best_rule = None, None
        if open_rule:
            best = compiled(open_rule["end"]).search(line, position)
            best_rule = "end"
        for rule in rules:
            found = compiled(rule.get("match") or rule["begin"]).search(line, position)
            if found and (best is None or found.start() < best.start()):
                best, best_rule = found, rule
        if best is None:
            tokens.append((line[position:], scopes))
            break
        if best.start() > position:
            tokens.append((line[position:best.start()], scopes))
        if best_rule == "end":
            captured(best, open_rule.get("endCaptures", {}), scopes, tokens)
            stack.pop()
        elif "match" in best_rule:
            captured(best, best_rule.get("captures", {}), scopes + ([best_rule["name"]] if "name" in best_rule else []),
                     tokens)
        else:
            stack.append(best_rule)
            captured(best, best_rule.get("beginCaptures", {}), scopes + [best_rule["name"]], tokens)
        if best.end() == position and best_rule != "end":
            tokens.append((line[position], scopes))
            position += 1
        else:
            position = best.end()
    # An open rule whose end is `$` closes at the end of the line.
    while stack and compiled(stack[-1]["end"]).search(line, len(line)):
        stack.pop()
    return tokens


def tokenize(text):
    stack = []
    return [tokenize_line(line, stack) for line in text.split("\n")]


failures = []


def expect(lines, containing, token, scope, nth=0):
    """The `nth` token equal to `token` on the first line containing `containing` has `scope`."""
    for line_tokens in lines:
        if containing in "".join(text for text, _ in line_tokens):
            found = [scopes for text, scopes in line_tokens if text == token]
            if len(found) <= nth:
                failures.append(f"no token {token!r} in line {containing!r}: {line_tokens}")
            elif scope not in found[nth]:
                failures.append(f"{token!r} in {containing!r} has {found[nth]}, expected {scope}")
            return
    failures.append(f"no line contains {containing!r}")


def main():
    examples = {}
    for folder in ["examples", "examples/modules"]:
        for name in sorted(os.listdir(os.path.join(ROOT, folder))):
            if name.endswith(".ivr"):
                with open(os.path.join(ROOT, folder, name), encoding="utf-8") as handle:
                    examples[name] = tokenize(handle.read())
    patient = examples["patient_intake.ivr"]
    driver = examples["driver_emergency.ivr"]

    expect(patient, "# Private practice", "#", "punctuation.definition.comment.ivr")
    expect(patient, "# Private practice", " Private practice patient line (TETRIX Healthcare).",
           "comment.line.number-sign.ivr")
    expect(patient, "flow patient_intake", "flow", "keyword.declaration.flow.ivr")
    expect(patient, "flow patient_intake", "patient_intake", "entity.name.type.flow.ivr")
    expect(patient, "number +1-800", "number", "keyword.other.setting.ivr")
    expect(patient, "number +1-800", "+1-800-555-0157", "constant.numeric.phone.ivr")
    expect(patient, "industry healthcare", "healthcare", "constant.language.industry.ivr")
    expect(patient, "step welcome", "step", "keyword.declaration.step.ivr")
    expect(patient, "step welcome", "welcome", "entity.name.function.step.ivr")
    expect(patient, "step urgent emergency", "emergency", "storage.modifier.emergency.ivr")
    expect(patient, "say \"Welcome", "say", "keyword.control.statement.ivr")
    expect(patient, "say \"Welcome", "Welcome to TETRIX Healthcare Patient Services.", "string.quoted.double.ivr")
    expect(patient, "say \"Welcome", "\"", "punctuation.definition.string.begin.ivr")
    expect(patient, "menu timeout=5s", "timeout", "variable.parameter.option.ivr")
    expect(patient, "menu timeout=5s", "=", "keyword.operator.assignment.ivr")
    expect(patient, "menu timeout=5s", "5s", "constant.numeric.duration.ivr")
    expect(patient, "menu timeout=5s", "3", "constant.numeric.integer.ivr")
    expect(patient, "on 9 \"urgent\"", "on", "keyword.control.on.ivr")
    expect(patient, "on 9 \"urgent\"", "9", "constant.numeric.key.ivr")
    expect(patient, "on 9 \"urgent\"", "->", "keyword.operator.arrow.ivr")
    expect(patient, "on 9 \"urgent\"", "urgent", "string.quoted.double.ivr", nth=0)
    expect(patient, "on 9 \"urgent\"", "urgent", "entity.name.function.step.ivr", nth=1)
    expect(patient, "on timeout -> front_desk", "timeout", "constant.language.key.ivr")
    expect(patient, "on timeout -> front_desk", "front_desk", "entity.name.function.step.ivr")
    expect(patient, "record=record-from-answer", "record-from-answer", "constant.other.option-value.ivr")
    expect(patient, "sip:scheduling", "sip:scheduling@clinic.example.com", "string.unquoted.sip-uri.ivr")
    expect(patient, "goto front_desk", "goto", "keyword.control.statement.ivr")
    expect(patient, "test \"urgent caller reaches", "test", "keyword.declaration.test.ivr")
    expect(patient, "expect dial +1-555-010-0911", "expect", "keyword.other.expect.ivr")
    expect(patient, "expect dial +1-555-010-0911", "+1-555-010-0911", "constant.numeric.phone.ivr")
    expect(patient, "    no-answer", "no-answer", "keyword.other.event.ivr")
    expect(driver, "      number +1-555-020-0911", "number", "keyword.other.setting.ivr")
    expect(driver, "language en-US", "language", "keyword.other.setting.ivr")
    expect(driver, "recording-status-callback https", "recording-status-callback", "keyword.other.setting.ivr")
    expect(driver, "recording-status-callback https", "https://records.fleet.example.com/telnyx",
           "markup.underline.link.url.ivr")

    samples = tokenize("\n".join([
        "  base-url https://ivr.example.com/texml",
        "  daily-call-target 120",
        "    # ivrc: allow recording-disclosure -- disclosed by the carrier",
        "    say \"Hi {{From}}, press # now: \\\"a\\\" \\u{1F600} \\q\"  # trailing",
        "    stream url=wss://media.example.com/stream",
        "  on 0 \"operator\" -> operator",
        "    record finish-on-key=# -> done  # keys",
        "    expect no record",
    ]))
    expect(samples, "base-url", "https://ivr.example.com/texml", "markup.underline.link.url.ivr")
    expect(samples, "daily-call-target 120", "daily-call-target", "keyword.other.setting.ivr")
    expect(samples, "ivrc: allow", "ivrc:", "keyword.control.directive.waiver.ivr")
    expect(samples, "ivrc: allow", "recording-disclosure", "constant.other.rule-id.ivr")
    expect(samples, "ivrc: allow", "disclosed by the carrier", "string.unquoted.reason.ivr")
    expect(samples, "{{From}}", "{{From}}", "variable.other.placeholder.ivr")
    expect(samples, "{{From}}", ", press # now: ", "string.quoted.double.ivr")
    expect(samples, "{{From}}", "\\\"", "constant.character.escape.ivr")
    expect(samples, "{{From}}", "\\u{1F600}", "constant.character.escape.unicode.ivr")
    expect(samples, "{{From}}", "\\q", "invalid.illegal.escape.ivr")
    expect(samples, "{{From}}", "#", "punctuation.definition.comment.ivr")
    dental = examples["dental_office.ivr"]
    expect(dental, "schedule office", "schedule", "keyword.declaration.schedule.ivr")
    expect(dental, "schedule office", "office", "entity.name.type.schedule.ivr")
    expect(dental, "open mon-fri", "open", "keyword.other.schedule.ivr")
    expect(dental, "closed 2026-12-25", "closed", "keyword.other.schedule.ivr")
    expect(dental, "hours office", "hours", "keyword.control.statement.ivr")
    expect(dental, "on closed", "closed", "constant.language.key.ivr")
    expect(dental, "at 2026-12-22", "at", "keyword.other.event.ivr")
    module = examples["fleet_emergency.ivr"]
    expect(module, "module fleet_emergency", "module", "keyword.declaration.module.ivr")
    expect(module, "module fleet_emergency", "fleet_emergency", "entity.name.type.module.ivr")
    expect(module, "param dispatch phone", "param", "keyword.declaration.param.ivr")
    expect(module, "param dispatch phone", "dispatch", "variable.parameter.module.ivr")
    expect(module, "param dispatch phone", "phone", "storage.type.param.ivr")
    acme = examples["acme_freight.ivr"]
    expect(acme, "use fleet_emergency", "use", "keyword.other.use.ivr")
    expect(acme, "use fleet_emergency", "fleet_emergency", "entity.name.type.module.ivr")
    expect(acme, "use fleet_emergency", "as", "keyword.other.as.ivr")
    expect(acme, "use fleet_emergency", "emergency", "entity.name.type.module.ivr")
    # A decision on a lookup's answer.
    expect(patient, "on failure -> front_desk", "failure", "constant.language.key.ivr")
    expect(patient, "branch {{status}}", "branch", "keyword.control.statement.ivr")
    expect(patient, "on other -> front_desk", "other", "constant.language.key.ivr")
    expect(patient, "http-request https://ehr", "http-request", "keyword.control.statement.ivr")
    # A `use` continued over lines: each indented line is an option.
    expect(acme, "backup=+1-555-040-0912", "backup", "variable.parameter.option.ivr")
    expect(acme, "backup=+1-555-040-0912", "+1-555-040-0912", "constant.numeric.phone.ivr")
    expect(samples, "stream url=", "stream", "keyword.control.statement.ivr")
    expect(samples, "stream url=", "wss://media.example.com/stream", "markup.underline.link.url.ivr")
    expect(samples, "finish-on-key=#", "#", "constant.other.option-value.keys.ivr")
    expect(samples, "finish-on-key=#", "done", "entity.name.function.step.ivr")
    expect(samples, "finish-on-key=#", " keys", "comment.line.number-sign.ivr")
    expect(samples, "expect no record", "no", "keyword.operator.negation.ivr")
    expect(samples, "expect no record", "record", "keyword.other.expectation.ivr")
    expect(samples, "-> operator", "on", "keyword.control.on.ivr")
    expect(samples, "-> operator", "0", "constant.numeric.key.ivr")

    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"grammar ok: {sum(len(lines) for lines in examples.values())} example lines tokenised")


if __name__ == "__main__":
    main()
