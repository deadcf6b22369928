package bryt.surveys;

import java.time.Instant;
import java.util.List;

import bryt.surveys.Scales.Scale;

/**
 * An instrument in one language, as {@link Instruments#find} loads it for the answering
 * and results parts: its areas in order, each with its items in order and their scales.
 * Immutable.
 *
 * @param id the instrument's id ({@code survey_instrument.id})
 * @param key its key, e.g. {@code bryt-annual-1}
 * @param organisationId the organisation that imported it, {@code null} for Bryt's own
 * @param name its name in {@link #locale}
 * @param locale the language of every text here: the one asked for when the instrument
 * has it, else its first ({@code sv} for an imported Swedish pack); pages mark texts with
 * it ({@code lang})
 * @param locales the languages the instrument has texts in
 * @param licence its licence, e.g. {@code CC BY 4.0}
 * @param attribution who it comes from, shown wherever its items are shown
 * @param readOnly whether its wording is fixed (imported, validated wording)
 * @param importedAt when it was imported, {@code null} for Bryt's own
 * @param areas its areas in order
 */
public record Instrument(long id, String key, Long organisationId, String name, String locale, List<String> locales,
		String licence, String attribution, boolean readOnly, Instant importedAt, List<Area> areas) {

	public Instrument {
		locales = List.copyOf(locales);
		areas = List.copyOf(areas);
	}

	/** Whether the instrument is one of Bryt's own (shipped with Bryt, for everyone). */
	public boolean brytOwn() {
		return this.organisationId == null;
	}

	/** Every item, area by area. */
	public List<Item> items() {
		return this.areas.stream().flatMap((area) -> area.items().stream()).toList();
	}

	/**
	 * An area.
	 *
	 * @param key its key in the pack
	 * @param name its name
	 * @param scored whether an index 0–100 may be shown for it
	 * @param items its items in order
	 */
	public record Area(String key, String name, boolean scored, List<Item> items) {

		public Area {
			items = List.copyOf(items);
		}

	}

	/**
	 * An item.
	 *
	 * @param key its key in the pack (answers name it: {@code survey_answer.item_key})
	 * @param kind {@code scale}, {@code recommend}, {@code reasons}, {@code yes_no} or
	 * {@code text}
	 * @param text its wording
	 * @param scale its answers: the scale of a {@code scale} item, the fixed answers of a
	 * {@code recommend}, {@code reasons} or {@code yes_no} item ({@link Scales#ofKind});
	 * {@code null} for {@code text}
	 * @param reverse whether a high value is the unfavourable answer (reverse-scored)
	 */
	public record Item(String key, String kind, String text, Scale scale, boolean reverse) {

	}

}
