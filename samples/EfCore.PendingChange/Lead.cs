namespace EfCore.PendingChange;

/// <summary>A sales lead for a customer.</summary>
public sealed class Lead
{
    public int Id { get; set; }

    public required string Title { get; set; }

    /// <summary>Added to the model without a migration: the check reports it.</summary>
    public int Score { get; set; }

    public int CustomerId { get; set; }

    public Customer? Customer { get; set; }
}
