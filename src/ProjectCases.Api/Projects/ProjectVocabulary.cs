namespace ProjectCases.Projects;

// The closed vocabularies of API.md and DOMAIN.md. Stored and sent as names, never as numbers,
// so members may be reordered but must never be renamed without an upcaster.

public enum Sector
{
    Rail, Road, Bridge, Airport, AirNavigation, Port, Maritime, Logistics, Urban, Water, Sewerage, Dam,
    DisasterPrevention, TransportSoftInfrastructure, ConstructionTechnology, ICT, Energy,
}

/// <summary>How a project is financed. The public financing bodies the source documents name (docs/projects.md,
/// "Financing"): JICA (as YenLoan / Grant), JBIC, NEXI, JOIN and JICT.</summary>
public enum Financing { YenLoan, Grant, PPP, JOIN, JBIC, NEXI, JICT, Private, G2G, Unknown }

/// <summary>The Japanese ministry leading a project (API.md, "Projects, v2 fields").</summary>
public enum Ministry { MLIT, MIC, METI, MOFA, MAFF, MOE, MHLW, CabinetOffice, Other }

public enum TouchpointKind
{
    TopSales, PolicyDialogue, BilateralMeeting, InternationalConference, Seminar, Mission, Invitation,
    BusinessMatching, SiteVisit, CourtesyCall,
}

public enum JapanLevel { HeadOfGovernment, Minister, ViceMinister, SeniorOfficial, Official, Agency }

public enum StudyType { DiscoverySurvey, PreparatorySurvey, FeasibilityStudy, DetailedDesign, Demonstration }

public enum AgreementType { MOU, MOC, LOI, ExchangeOfNotes, LoanAgreement }

public enum AgreementLevel { Political, Administrative }

public enum TenderType { ICB, PPP, G2G, Local, Unknown }

public enum TenderFailureReason { NoBidders, Cancelled, Retender }

public enum AwardType { Prime, Subcontract, TechnologyProvision, PriorityNegotiation }

public enum AwardScope { Civil, Track, Signals, RollingStock, Consulting, OperationAndMaintenance, Equipment, Other }

public enum ProjectStatusValue { UnderStudy, UnderConstruction, InOperation, Suspended, Postponed, OnHold, Resumed, Withdrawn }

/// <summary>Where a project stands from upstream to downstream; derived from its events (docs/projects.md).</summary>
public enum ProjectStage { Discovery, Formation, Promotion, Tender, Awarded, Construction, Operation }

/// <summary>An amount in its own currency (ISO 4217).</summary>
public sealed record Money(decimal Value, string Currency);
