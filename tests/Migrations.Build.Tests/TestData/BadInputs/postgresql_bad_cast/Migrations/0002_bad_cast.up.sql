SELECT 'abc'::int;
