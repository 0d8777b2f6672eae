SELECT 'oops;
