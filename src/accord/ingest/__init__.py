"""Files and pages -> SourceDocument (plain text + metadata; offsets index the text)."""
