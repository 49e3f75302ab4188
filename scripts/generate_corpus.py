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
import re
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

# The steps every line shares, as three modules parameterised by what differs per line. With
# --modules a flow uses them; without, the same steps are written into the flow with the
# parameters filled in (`ivrc diff` finds both corpora call-for-call the same).
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

# The steps each flow keeps for itself; the modules reach them through `step` parameters.
FLOW_STEPS = """  step front_desk
    dial {front_desk} timeout=30s -> voicemail

  step voicemail
    say "Nobody is available. Leave a message after the beep."
    record max=60s beep -> goodbye

  step goodbye
    say "Goodbye."
    hangup
"""


def module_values(i: int, c: int, modules: bool) -> dict:
    """Each module's parameter values for line i; a step parameter names the step as the
    flow sees it (qualified when the emergency step comes from its module)."""
    return {
        "emergency_desk": {"dispatch": f"+1-555-{c:03d}-0911", "backup": f"+1-555-{c:03d}-0912",
                           "oncall": f"sip:oncall{i}@example.com", "after": "voicemail"},
        "intake_desk": {"desk": f"+1-555-{c:03d}-0200", "after": "voicemail"},
        "billing_desk": {"billing": f"sip:billing{i}@example.com",
                         "emergency": "emergency_desk.urgent" if modules else "urgent",
                         "fallback": "front_desk", "after": "voicemail"},
    }


def filled_steps(name: str, values: dict) -> str:
    """A module's steps with its parameters written in: what a flow holds without modules."""
    steps = MODULES[name].split("\n\n", 1)[1]
    for key, value in values.items():
        steps = re.sub(rf"param\.{key}\b", value, steps)
    return steps + "\n"


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
    values = module_values(i, c, modules)
    own = FLOW_STEPS.format(front_desk=front_desk)
    if not modules:
        return head + "".join(filled_steps(name, values[name]) for name in MODULES) + own
    for step, name in (("urgent", "emergency_desk"), ("intake", "intake_desk"), ("billing", "billing_desk")):
        head = head.replace(f"-> {step}\n", f"-> {name}.{step}\n")
    uses = "".join(f"  use {name} " + " ".join(f"{key}={value}" for key, value in values[name].items()) + "\n"
                   for name in MODULES)
    # The uses go with the settings, before the first step.
    settings, steps = head.split("\n  step welcome\n", 1)
    return settings + "\n" + uses + "\n  step welcome\n" + steps + own


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
