CREATE INDEX person_name ON person (name);  -- the console's search by the start of a name
