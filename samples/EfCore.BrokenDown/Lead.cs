namespace EfCore.BrokenDown;

/// <summary>A sales lead for a customer.</summary>
public sealed class Lead
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public int CustomerId { get; set; }

    public Customer? Customer { get; set; }
}
