package bryt.workload;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A kind of case (ärendetyp, sagstype) with its weight in points and its deadline.
 *
 * @param deadlineDays days from opening to the legal or agreed deadline, or {@code null}
 * @param investigation whether cases of this type count as investigations (utredning,
 * undersøgelse)
 * @param twoHandlers whether cases of this type must always have two handlers (LVU)
 */
public record CaseType(long id, String code, String nameSv, String nameDa, String nameEn, BigDecimal weight,
		Integer deadlineDays, boolean investigation, boolean twoHandlers) {

	public String name(Locale locale) {
		return switch (locale.getLanguage()) {
			case "sv" -> this.nameSv;
			case "da" -> this.nameDa;
			default -> this.nameEn;
		};
	}

}
