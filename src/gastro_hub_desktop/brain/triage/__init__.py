"""Message triage: language, urgency, intent and automated mail, by editable keyword rules.

Import `Triager` from `gastro_hub_desktop.brain.triage.triager`; nothing here loads at start-up.
"""
