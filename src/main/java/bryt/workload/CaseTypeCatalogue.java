package bryt.workload;

import java.math.BigDecimal;
import java.util.List;

import bryt.organisation.Country;

/**
 * The case types a new organisation starts with. Weights are points against a capacity of
 * 100 for a full-time experienced worker: 100 divided by a typical full caseload of the
 * type (Danish union guidelines: children and families 20–30 cases, so about 4 points;
 * disability and psychiatry 45–65, so 2; sickness benefit 25–45, so 3; job-ready 30–55,
 * so 2.5). Investigations and compulsory care weigh more than follow-up. Employer and
 * unions change them together; see docs/workload.md.
 */
final class CaseTypeCatalogue {

	private CaseTypeCatalogue() {
	}

	static List<CaseType> defaults(Country country) {
		return (country == Country.DK) ? DENMARK : SWEDEN;
	}

	/** Socialtjänstlagen: a child investigation within four months (about 120 days). */
	static final List<CaseType> SWEDEN = List.of(
			type("BBU-FB", "Förhandsbedömning barn och unga", "Forundersøgelse børn og unge",
					"Initial assessment, children", "2", 14, false, false),
			type("BBU-UTR", "Barnavårdsutredning", "Børnefaglig undersøgelse", "Child welfare investigation", "8", 120,
					true, false),
			type("BBU-INS", "Insats barn och unga", "Foranstaltning børn og unge", "Measures for children", "4", null,
					false, false),
			type("LVU", "Vård enligt LVU", "Anbringelse uden samtykke (LVU)", "Compulsory care of a child (LVU)", "10",
					null, false, true),
			type("PLAC", "Placering, uppföljning", "Anbringelse, opfølgning", "Placement follow-up", "6", null, false,
					false),
			type("VUX-UTR", "Utredning vuxen missbruk", "Undersøgelse voksen misbrug",
					"Adult substance abuse assessment", "6", null, true, false),
			type("LVM", "Vård enligt LVM", "Tvangsbehandling (LVM)", "Compulsory care of an adult (LVM)", "10", null,
					false, true),
			type("EKB", "Ekonomiskt bistånd", "Økonomisk hjælp", "Financial aid", "3", null, false, false), type("ARB",
					"Arbetsmarknadsinsats", "Beskæftigelsesindsats", "Employment measure", "3", null, false, false));

	/**
	 * Barnets lov § 20: a child investigation within four months; reports of concern
	 * within a day.
	 */
	static final List<CaseType> DENMARK = List.of(
			type("UNDERRETNING", "Orosanmälan", "Underretning", "Report of concern", "1", 1, false, false),
			type("BFU", "Barnavårdsutredning", "Børnefaglig undersøgelse", "Child welfare investigation", "8", 120,
					true, false),
			type("FOREBYG", "Förebyggande insats", "Forebyggende foranstaltning", "Preventive measure", "4", null,
					false, false),
			type("ANBR-TVANG", "Placering utan samtycke", "Anbringelse uden samtykke", "Placement without consent",
					"10", null, false, true),
			type("ANBR", "Placering med samtycke", "Anbringelse med samtykke", "Placement with consent", "6", null,
					false, false),
			type("HANDICAP", "Funktionsnedsättning och psykiatri", "Handicap og psykiatri", "Disability and psychiatry",
					"2", null, false, false),
			type("SYGEDAGPENGE", "Sjukpenning", "Sygedagpenge", "Sickness benefit", "3", null, false, false),
			type("AKTIVITETSPARAT", "Aktivitetsberedd", "Aktivitetsparat", "Activity-ready", "3", null, false, false),
			type("JOBPARAT", "Jobbredo", "Jobparat", "Job-ready", "2.5", null, false, false));

	private static CaseType type(String code, String sv, String da, String en, String weight, Integer deadlineDays,
			boolean investigation, boolean twoHandlers) {
		return new CaseType(0, code, sv, da, en, new BigDecimal(weight), deadlineDays, investigation, twoHandlers);
	}

}
