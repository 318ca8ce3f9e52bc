CREATE INDEX person_name ON person (name varchar_pattern_ops);  -- the console's search by the start of a name
