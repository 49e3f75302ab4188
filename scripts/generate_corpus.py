#!/usr/bin/env python3
"""Writes N synthetic flows (~60 lines each) for benchmarks and the fmt/exhaustive corpus tests.

Each flow has a disclosure, a menu with an emergency key, an emergency step with a live dial
and a fallback, records, dial blocks and a nested menu, so every rule and lowering path runs.
Deterministic: the same N gives the same files.

    generate_corpus.py N DIRECTORY [--environments VALUES_DIRECTORY] [--modules]

With --environments, each flow's company name and front desk number are `env.` values, and
VALUES_DIRECTORY gets staging.toml and production.toml (for `ivrc build --env FILE`). With
--modules, the shared steps come from three modules in DIRECTORY/modules (emergency, intake,
billing), each flow using them with its own numbers: the same calls, written once.
"""
import os
import sys

LINE_TEMPLATE = """# Generated flow {i}: benchmark corpus.
flow line_{i}
  number +1-555-{a:03d}-{b:04d}
  industry {industry}
  voice alice
  language en-US
  recording-status-callback https://records.example.com/line_{i}

  step welcome
    say "{welcome} Thank you for calling."
    disclose "This call is recorded for quality and safety purposes."
    menu timeout=5s tries=3
      say "For an emergency, press 9."
      say
        "For new requests, press 1. For billing, press 2."
        "For the front desk, press 3."
      on 9 "emergency" -> urgent
      on 1 "new" -> intake
      on 2 "billing" -> billing
      on 3 -> front_desk
      on timeout -> front_desk
      on invalid
        say "Sorry, that is not an option."
        goto front_desk

"""

# The steps every line has in the same shape, parameterised by the line (i) and its
# dispatch exchange (c): what a shared module holds once modules exist. flow_text() is the
# one place that would emit a use of the module instead of these steps.
SHARED_STEPS = """  step urgent emergency
    dial +1-555-{c:03d}-0911 timeout=20s -> urgent_backup

  step urgent_backup
    say "Connecting you to the backup line."
    dial timeout=20s -> voicemail
      number +1-555-{c:03d}-0912
      sip sip:oncall{i}@example.com

  step intake
    say "After the beep, state your name and your request."
    record timeout=10s max=120s beep -> intake_done

  step intake_done
    say "Thank you. Please hold."
    dial +1-555-{c:03d}-0200 timeout=30s record=record-from-answer -> voicemail

  step billing
    menu timeout=5s
      say "For an emergency, press 9. To pay a bill, press 1."
      on 9 -> urgent
      on 1 -> billing_desk
      on timeout -> front_desk
      on invalid -> front_desk

  step billing_desk
    dial sip:billing{i}@example.com timeout=30s -> voicemail

  step front_desk
    dial {front_desk} timeout=30s -> voicemail

  step voicemail
    say "Nobody is available. Leave a message after the beep."
    record max=60s beep -> goodbye

  step goodbye
    say "Goodbye."
    hangup
"""

# SHARED_STEPS split into modules, parameterised by what differs per line; the flow keeps
# front_desk, voicemail and goodbye, which the modules reach through `step` parameters.
MODULES = {
    "emergency_desk": """module emergency_desk
  param dispatch phone
  param backup phone
  param oncall sip
  param after step

  step urgent emergency
    dial param.dispatch timeout=20s -> urgent_backup

  step urgent_backup
    say "Connecting you to the backup line."
    dial timeout=20s -> param.after
      number param.backup
      sip param.oncall
""",
    "intake_desk": """module intake_desk
  param desk phone
  param after step

  step intake
    say "After the beep, state your name and your request."
    record timeout=10s max=120s beep -> intake_done

  step intake_done
    say "Thank you. Please hold."
    dial param.desk timeout=30s record=record-from-answer -> param.after
""",
    "billing_desk": """module billing_desk
  param billing sip
  param emergency step
  param fallback step
  param after step

  step billing
    menu timeout=5s
      say "For an emergency, press 9. To pay a bill, press 1."
      on 9 -> param.emergency
      on 1 -> billing_desk
      on timeout -> param.fallback
      on invalid -> param.fallback

  step billing_desk
    dial param.billing timeout=30s -> param.after
""",
}

MODULE_USES = """  use emergency_desk dispatch=+1-555-{c:03d}-0911 backup=+1-555-{c:03d}-0912 oncall=sip:oncall{i}@example.com after=voicemail
  use intake_desk desk=+1-555-{c:03d}-0200 after=voicemail
  use billing_desk billing=sip:billing{i}@example.com emergency=emergency_desk.urgent fallback=front_desk after=voicemail

"""

FLOW_STEPS = """  step front_desk
    dial {front_desk} timeout=30s -> voicemail

  step voicemail
    say "Nobody is available. Leave a message after the beep."
    record max=60s beep -> goodbye

  step goodbye
    say "Goodbye."
    hangup
"""

# Values that differ between deployments, read through `env.KEY` with --environments.
ENVIRONMENTS = {
    "staging": {"company": "Example Staging", "front_desk": "+1-555-199-0300"},
    "production": {"company": "Example Health", "front_desk": "+1-555-199-0301"},
}


def flow_text(i: int, environments: bool, modules: bool = False) -> str:
    c = 200 + i % 700
    welcome = "Welcome to {{env.company}} line " + str(i) + "." if environments else f"Welcome to line {i}."
    front_desk = "env.front_desk" if environments else f"+1-555-{c:03d}-0300"
    industries = ["healthcare", "fleet", "general"]
    head = LINE_TEMPLATE.format(i=i, a=100 + i // 10000, b=i % 10000, industry=industries[i % 3], welcome=welcome)
    if not modules:
        return head + SHARED_STEPS.format(i=i, c=c, front_desk=front_desk)
    head = (head.replace("-> urgent\n", "-> emergency_desk.urgent\n").replace("-> intake\n", "-> intake_desk.intake\n")
            .replace("-> billing\n", "-> billing_desk.billing\n"))
    # The uses go with the settings, before the first step.
    settings, steps = head.split("\n  step welcome\n", 1)
    return settings + "\n" + MODULE_USES.format(i=i, c=c) + "  step welcome\n" + steps + FLOW_STEPS.format(front_desk=front_desk)


def main() -> None:
    arguments = sys.argv[1:]
    modules = "--modules" in arguments
    if modules:
        arguments.remove("--modules")
    environments = None
    if len(arguments) == 4 and arguments[2] == "--environments":
        environments = arguments[3]
    elif len(arguments) != 2:
        sys.exit("usage: generate_corpus.py N DIRECTORY [--environments VALUES_DIRECTORY] [--modules]")
    count, directory = int(arguments[0]), arguments[1]
    os.makedirs(directory, exist_ok=True)
    for i in range(count):
        with open(os.path.join(directory, f"line_{i:05d}.ivr"), "w", encoding="utf-8") as handle:
            handle.write(flow_text(i, environments is not None, modules))
    if modules:
        os.makedirs(os.path.join(directory, "modules"), exist_ok=True)
        for name, text in MODULES.items():
            with open(os.path.join(directory, "modules", f"{name}.ivr"), "w", encoding="utf-8") as handle:
                handle.write(f"# Generated module: the {name.replace('_', ' ')} every benchmark line uses.\n" + text)
    if environments is not None:
        os.makedirs(environments, exist_ok=True)
        for name, values in ENVIRONMENTS.items():
            with open(os.path.join(environments, f"{name}.toml"), "w", encoding="utf-8") as handle:
                handle.write("".join(f'{key} = "{value}"\n' for key, value in sorted(values.items())))


if __name__ == "__main__":
    main()
