-- Type-specific facts of a check ("loss=0%; sent=3; received=3", certificate chain, ...).
ALTER TABLE check_results ADD COLUMN details TEXT NOT NULL DEFAULT '';
