package bryt.workload;

import java.time.LocalDate;
import java.time.Period;

import bryt.organisation.StaffRole;

/**
 * The load model an organisation's employer and unions agree on. Defaults follow the
 * Göteborg-style points model: a full-time worker with two years or more in the
 * profession carries 100 points; newer staff less.
 *
 * @param baseCapacity points a full-time experienced worker carries (default 100)
 * @param coHandlerShare share of a case's weight that a co-handler carries (default 0.5);
 * the primary handler carries the rest
 * @param factorUnder6Months capacity factor in the first six months in the profession
 * (default 0.6)
 * @param factorUnder2Years capacity factor from six months to two years (default 0.8)
 * @param complexity2 weight multiplier of complexity 2 (default 1.5)
 * @param complexity3 weight multiplier of complexity 3 (default 2.0)
 * @param shares the case-carrying share of each staff role (default 1 for social workers,
 * 0 for the others)
 */
public record LoadSettings(double baseCapacity, double coHandlerShare, double factorUnder6Months,
		double factorUnder2Years, double complexity2, double complexity3, RoleShares shares) {

	public static final LoadSettings DEFAULTS = new LoadSettings(100, 0.5, 0.6, 0.8, 1.5, 2.0);

	public LoadSettings {
		shares = (shares != null) ? shares : RoleShares.DEFAULTS;
	}

	/** A model with the default shares of the roles. */
	public LoadSettings(double baseCapacity, double coHandlerShare, double factorUnder6Months, double factorUnder2Years,
			double complexity2, double complexity3) {
		this(baseCapacity, coHandlerShare, factorUnder6Months, factorUnder2Years, complexity2, complexity3,
				RoleShares.DEFAULTS);
	}

	/** This model with other shares of the roles. */
	public LoadSettings withShares(RoleShares shares) {
		return new LoadSettings(this.baseCapacity, this.coHandlerShare, this.factorUnder6Months, this.factorUnder2Years,
				this.complexity2, this.complexity3, shares);
	}

	/** The experience factor on a date: 0.6, 0.8 or 1.0 with the defaults. */
	public double experienceFactor(LocalDate experienceStart, LocalDate at) {
		if (experienceStart == null || experienceStart.isAfter(at)) {
			return this.factorUnder6Months;
		}
		Period experience = Period.between(experienceStart, at);
		long months = experience.toTotalMonths();
		if (months < 6) {
			return this.factorUnder6Months;
		}
		if (months < 24) {
			return this.factorUnder2Years;
		}
		return 1.0;
	}

	/**
	 * Capacity in points of a worker whose role carries cases in full: base × FTE ×
	 * experience factor.
	 */
	public double capacity(double fte, LocalDate experienceStart, LocalDate at) {
		return this.baseCapacity * fte * experienceFactor(experienceStart, at);
	}

	/**
	 * Capacity in points: base × FTE × experience factor × the case-carrying share of the
	 * role.
	 */
	public double capacity(double fte, LocalDate experienceStart, LocalDate at, StaffRole role) {
		return capacity(fte, experienceStart, at) * this.shares.of(role);
	}

	/**
	 * A case's weight: its type's points × the complexity multiplier (1, 1.5, 2 by
	 * default).
	 */
	public double caseWeight(double typeWeight, int complexity) {
		return typeWeight * switch (complexity) {
			case 2 -> this.complexity2;
			case 3 -> this.complexity3;
			default -> 1.0;
		};
	}

	/** The points a co-handler carries of a case of the given points: its share. */
	public double coHandlerPoints(double casePoints) {
		return casePoints * this.coHandlerShare;
	}

	/**
	 * The points the primary handler carries of a case of the given points: all, less a
	 * co-handler's share when there is one.
	 */
	public double primaryPoints(double casePoints, boolean coHandled) {
		return coHandled ? casePoints - coHandlerPoints(casePoints) : casePoints;
	}

	/**
	 * The points an assignment carries of a case of the given type weight and complexity:
	 * the model {@link #caseWeight}, {@link #primaryPoints} and {@link #coHandlerPoints}
	 * define, for sums of type weights the database adds up without knowing the model.
	 */
	double points(Share share, double typeWeight, int complexity) {
		double points = caseWeight(typeWeight, complexity);
		return switch (share) {
			case PRIMARY -> points;
			case CO_HANDLER -> coHandlerPoints(points);
			case PRIMARY_WHILE_CO_HANDLED -> primaryPoints(points, true) - primaryPoints(points, false);
		};
	}

	/**
	 * How an assignment counts. A primary handler's assignment carries the whole case;
	 * while a co-handler's assignment overlaps it, the primary's also counts as
	 * {@code PRIMARY_WHILE_CO_HANDLED}, which takes the co-handler's share off again.
	 */
	enum Share {

		PRIMARY, CO_HANDLER, PRIMARY_WHILE_CO_HANDLED

	}

}
