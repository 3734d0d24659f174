using ProjectCases.Projects;

namespace ProjectCases.Troubles;

// The events of a trouble case stream (one stream per case). TroubleReported and TroubleClosed are also
// appended, unchanged, to the project's stream in the same transaction, so the project's history and
// its open-trouble count show them. `At` fields are the hotline's clock (service levels run on it);
// who acted is event metadata, except where the actor is part of the fact (the assigned officer).

public sealed record TroubleReported(
    Guid TroubleId, Guid ProjectId, TroubleCategory Category, string Summary, string Details, DateOnly OccurredOn,
    Reporter Reporter, Money? AmountAtStake, DateTimeOffset ReportedAt, Priority Priority, ServiceDues Dues);

/// <summary>The service-level commitment made at that moment (targets and holidays then in force).</summary>
public sealed record ServiceDues(DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue);

public sealed record TroubleTriaged(Guid TroubleId, Priority Priority, TroubleCategory Category, ServiceDues Dues, DateTimeOffset At);

public sealed record TroubleAssigned(Guid TroubleId, string Officer, DateTimeOffset At);

public sealed record AgencyConsulted(Guid TroubleId, Agency Agency, string Note, DateTimeOffset At);

public sealed record TopClaimMade(Guid TroubleId, JapanLevel RaisedBy, string RaisedWith, DateOnly RaisedOn, string? Channel, DateTimeOffset At);

/// <summary>ByCompany: written by the reporting company (always Shared) rather than by the hotline.</summary>
public sealed record TroubleNoteAdded(Guid TroubleId, Guid NoteId, string Text, NoteVisibility Visibility, bool ByCompany, DateTimeOffset At);

public sealed record TroubleResolved(Guid TroubleId, ResolutionOutcome Outcome, string Summary, DateTimeOffset At);

public sealed record ResolutionAcknowledged(Guid TroubleId, DateTimeOffset At);

public sealed record TroubleClosed(Guid TroubleId, Guid ProjectId, DateTimeOffset At);

public sealed record TroubleReopened(Guid TroubleId, Guid ProjectId, string Reason, DateTimeOffset ResolutionDue, DateTimeOffset At);

public sealed record FirstResponseOverdue(Guid TroubleId, DateTimeOffset DueAt);

public sealed record ResolutionOverdue(Guid TroubleId, DateTimeOffset DueAt);
