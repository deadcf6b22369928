package bryt.overview;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One key figure from Kolada: its value for an area (the organisation's municipality, its
 * municipality group or the country) in one year, and the day it was retrieved.
 *
 * @param kpi Kolada's id of the key figure, e.g. {@code N00090}
 * @param title Kolada's title of it (Swedish), or {@code null}
 * @param area Kolada's id of the area
 * @param kind what the area is to the organisation
 * @param period the year
 * @param value the value as Kolada gives it
 * @param retrievedOn the day it was retrieved from Kolada
 */
record Benchmark(String kpi, String title, String area, AreaKind kind, int period, BigDecimal value,
		LocalDate retrievedOn) {

	/** What an area is to the organisation. */
	enum AreaKind {

		/** The municipality itself. */
		MUNICIPALITY,

		/** Its municipality group (Kolada's ids start with G). */
		GROUP,

		/** The whole country (Kolada's 0000, Riket). */
		COUNTRY;

		/**
		 * The kind of a Kolada area id: 0000 the country, G… a group, else a
		 * municipality.
		 */
		static AreaKind of(String area) {
			if ("0000".equals(area)) {
				return COUNTRY;
			}
			return area.startsWith("G") ? GROUP : MUNICIPALITY;
		}

	}

}
