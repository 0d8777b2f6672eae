using EfCore.PendingChange;

using var shop = new ShopContext();
Console.WriteLine($"{shop.Model.GetEntityTypes().Count()} entity types");
