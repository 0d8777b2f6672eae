namespace EfCore.BrokenDown;

/// <summary>A customer of the shop.</summary>
public sealed class Customer
{
    public int Id { get; set; }

    public required string Email { get; set; }

    public string? Name { get; set; }

    public List<Lead> Leads { get; } = [];
}
