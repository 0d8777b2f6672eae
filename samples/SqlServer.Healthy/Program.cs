Console.WriteLine("SqlServer.Healthy: T-SQL migrations checked against a SQL project model in every build.");
