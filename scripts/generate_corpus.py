#!/usr/bin/env python3
"""Writes N synthetic flows (~60 lines each) for benchmarks and the fmt/exhaustive corpus tests.

Each flow has a disclosure, a menu with an emergency key, an emergency step with a live dial
and a fallback, records, dial blocks and a nested menu, so every rule and lowering path runs.
Deterministic: the same N gives the same files.
"""
import os
import sys

TEMPLATE = """# Generated flow {i}: benchmark corpus.
flow line_{i}
  number +1-555-{a:03d}-{b:04d}
  industry {industry}
  voice alice
  language en-US
  recording-status-callback https://records.example.com/line_{i}

  step welcome
    say "Welcome to line {i}. Thank you for calling."
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

  step urgent emergency
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
    dial +1-555-{c:03d}-0300 timeout=30s -> voicemail

  step voicemail
    say "Nobody is available. Leave a message after the beep."
    record max=60s beep -> goodbye

  step goodbye
    say "Goodbye."
    hangup
"""


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: generate_corpus.py N DIRECTORY")
    count, directory = int(sys.argv[1]), sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    industries = ["healthcare", "fleet", "general"]
    for i in range(count):
        text = TEMPLATE.format(i=i, a=100 + i // 10000, b=i % 10000, c=200 + i % 700,
                               industry=industries[i % 3])
        with open(os.path.join(directory, f"line_{i:05d}.ivr"), "w", encoding="utf-8") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
