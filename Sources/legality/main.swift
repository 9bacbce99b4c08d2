import LegalityCLI

Legality.runMain()
