"""A small valid pack that tests edit to make the case they need."""

SMALL_PACK = """\
format: 1
id: test-pack
title: Test pack
summary: A small pack for tests.
category: contact
ages: 11-14
scenarios:
  - id: gamer-tag
    title: A friendly gamer
    help: [childline]
    steps:
      - id: start
        screen:
          app: chat
          title: SquadChat
          contact: Jay_14
          messages:
            - from: them
              text: gg! how old are you?
        prompt: What do you do?
        choices:
          - id: tell-age
            text: Tell them my age and my school
            outcome: unsafe
            feedback: Your school helps a stranger find you. Instead, keep it to the game.
            help: [ceop]
            next: asks-photo
          - id: keep-private
            text: Keep it to the game
            outcome: safe
            feedback: Good. Personal details stay private.
      - id: asks-photo
        screen:
          app: chat
          messages:
            - from: them
              text: send a pic?
        prompt: What now?
        choices:
          - id: block
            text: Block and report, then tell an adult
            outcome: safe
            points: {contact: 3, conduct: 1}
            feedback: Blocking and reporting is right.
          - id: ignore
            text: Ignore it
            outcome: mixed
            points: {contact: 1}
            feedback: Better than sending. Instead, also report it.
  - id: second
    title: Second scenario
    steps:
      - id: only
        screen: {app: narration, messages: [{from: system, text: Something happens.}]}
        prompt: Choose.
        choices:
          - {id: a, text: Safe one, outcome: safe, feedback: Why it is safe.}
          - {id: b, text: Risky one, outcome: unsafe, feedback: Why it is risky. Instead do this.}
"""
