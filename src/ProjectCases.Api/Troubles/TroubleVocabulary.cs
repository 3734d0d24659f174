namespace ProjectCases.Troubles;

// The hotline's closed vocabularies (API.md, DOMAIN.md). Stored and sent as names.

public enum TroubleCategory
{
    UnpaidFees, LatePayment, Delay, DesignChangeNotApproved, PartnerObligationNotMet, PriceEscalation, TaxExemption,
    LandAcquisition, WorkVisa, Permits, CustomsClearance, SpecChangeRequest, PoliticalUnrest, SovereignDefault,
    SupplyChain, Pandemic, RuleChange, Other,
}

public enum CompanyType { Contractor, Consultant, Manufacturer, Operator, Other }

/// <summary>Declared most urgent first: the queue orders by this.</summary>
public enum Priority { Critical, High, Medium, Low }

public enum Agency { MOFA, Embassy, JICA, JOIN, JBIC, NEXI, METI, Other }

public enum ResolutionOutcome { Resolved, PartiallyResolved, NotResolvable }

public enum NoteVisibility { Internal, Shared }

public enum TroubleStatus { Open, Resolved, Closed }

/// <summary>OrganisationId: the reporting company as an organisation on record (from the token's company claim), when it is one.</summary>
public sealed record Reporter(string Company, CompanyType CompanyType, string ContactName, string Email, Guid? OrganisationId = null);
