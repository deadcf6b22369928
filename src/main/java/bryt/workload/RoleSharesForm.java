package bryt.workload;

import java.math.BigDecimal;
import java.util.Locale;

import bryt.organisation.StaffRole;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * The shares of the roles as typed on the load-model page: text, so that "0,5" (as sv and
 * da write it) is read as well as "0.5", and anything else gets a message naming the
 * role, never a 400.
 */
record RoleSharesForm(String socialWorker, String firstLineLead, String unitManager, String other) {

	/** The most decimals a share is stored with. */
	static final int SCALE = 3;

	static RoleSharesForm of(RoleShares shares) {
		return new RoleSharesForm(text(shares.socialWorker()), text(shares.firstLineLead()), text(shares.unitManager()),
				text(shares.other()));
	}

	/**
	 * Rejects every field that is not a number from 0 to 1 with at most {@value #SCALE}
	 * decimals, naming its role.
	 */
	void validate(Errors errors) {
		for (StaffRole role : StaffRole.values()) {
			if (share(text(role)) == null) {
				errors.rejectValue(field(role), "RoleSharesForm.share",
						new Object[] { new DefaultMessageSourceResolvable("staffRole." + role) }, null);
			}
		}
	}

	/** The shares; only after {@link #validate} found no errors. */
	RoleShares shares() {
		return new RoleShares(share(this.socialWorker), share(this.firstLineLead), share(this.unitManager),
				share(this.other));
	}

	/** The form field of a role's share. */
	static String field(StaffRole role) {
		return switch (role) {
			case SOCIAL_WORKER -> "socialWorker";
			case FIRST_LINE_LEAD -> "firstLineLead";
			case UNIT_MANAGER -> "unitManager";
			case OTHER -> "other";
		};
	}

	private String text(StaffRole role) {
		return switch (role) {
			case SOCIAL_WORKER -> this.socialWorker;
			case FIRST_LINE_LEAD -> this.firstLineLead;
			case UNIT_MANAGER -> this.unitManager;
			case OTHER -> this.other;
		};
	}

	/** A share typed as 0.5 or 0,5; null when it is none. */
	private static Double share(String text) {
		if (text == null || text.isBlank() || text.strip().length() > 10) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(text.strip().replace(',', '.'));
			if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0
					|| value.stripTrailingZeros().scale() > SCALE) {
				return null;
			}
			return value.doubleValue();
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String text(double share) {
		return BigDecimal.valueOf(share).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
	}

}
