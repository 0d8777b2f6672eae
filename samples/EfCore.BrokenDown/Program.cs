using EfCore.BrokenDown;

using var shop = new ShopContext();
Console.WriteLine($"{shop.Model.GetEntityTypes().Count()} entity types");
