"""Records and pure logic: no I/O, no database, no globals."""
