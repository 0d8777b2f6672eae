Console.WriteLine("SqlServer.BrokenMigration: never runs; its build fails on a T-SQL syntax error found without a server.");
