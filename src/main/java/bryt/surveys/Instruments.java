package bryt.surveys;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import bryt.shared.imports.Actor;
import bryt.shared.imports.Imports;
import bryt.surveys.Instrument.Area;
import bryt.surveys.Instrument.Item;
import bryt.surveys.Scales.Scale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instruments: Bryt's own questions and the packs an organisation imported. The public
 * part is what the answering and results parts need: {@link #find} loads an instrument in
 * one language with its areas, items and scales; {@link #brytOwn} finds Bryt's own by
 * key. Nothing here changes an instrument's wording: an instrument is stored once, whole,
 * and never edited (an imported one's wording is validated; any one's wording is what
 * earlier cycles were answered on).
 */
@Service
public class Instruments {

	/** Bryt's own annual work-environment survey. */
	public static final String ANNUAL = "bryt-annual-1";

	/** Bryt's own pulse (at most 8 items). */
	public static final String PULSE = "bryt-pulse-1";

	/** Bryt's own exit survey. */
	public static final String EXIT = "bryt-exit-1";

	private final InstrumentRepository repository;

	private final Imports imports;

	private final Clock clock;

	Instruments(InstrumentRepository repository, Imports imports, Clock clock) {
		this.repository = repository;
		this.imports = imports;
		this.clock = clock;
	}

	/**
	 * An instrument with its areas, items and scales, its texts in {@code locale} when it
	 * has them and otherwise in its first language ({@link Instrument#locale} says
	 * which). Any organisation's instrument: the caller decides who may see it.
	 * @param locale {@code sv}, {@code da} or {@code en}
	 */
	@Transactional(readOnly = true)
	public Optional<Instrument> find(long id, String locale) {
		return this.repository.head(id).map((head) -> {
			String in = head.locales().contains(locale) ? locale : head.locales().getFirst();
			Map<String, Scale> scales = this.repository.scales(id)
				.stream()
				.collect(Collectors.toMap(InstrumentRepository.StoredScale::key,
						(stored) -> new Scale(stored.key(),
								Scales.named(stored.key())
									.map(Scale::codes)
									.orElseGet(() -> java.util.stream.IntStream
										.range(0, stored.labels().values().iterator().next().size())
										.mapToObj(String::valueOf)
										.toList()),
								stored.labels())));
			Map<String, List<Item>> items = new java.util.HashMap<>();
			for (InstrumentRepository.StoredItem item : this.repository.items(id)) {
				Scale scale = (item.scale() != null) ? scales.get(item.scale())
						: Scales.ofKind(item.kind()).orElse(null);
				items.computeIfAbsent(item.area(), (key) -> new ArrayList<>())
					.add(new Item(item.key(), item.kind(), text(item.texts(), in), scale, item.reverse()));
			}
			List<Area> areas = this.repository.areas(id)
				.stream()
				.map((area) -> new Area(area.key(), text(area.names(), in), area.scored(),
						items.getOrDefault(area.key(), List.of())))
				.toList();
			return new Instrument(head.id(), head.key(), head.organisationId(), text(head.name(), in), in,
					head.locales(), head.licence(), head.attribution(), head.readOnly(), head.importedAt(), areas);
		});
	}

	/** The id of Bryt's own instrument with this key ({@link #ANNUAL}, …). */
	@Transactional(readOnly = true)
	public Optional<Long> brytOwn(String key) {
		return this.repository.brytOwn(key);
	}

	/** Bryt's own instruments and the organisation's imported ones. */
	@Transactional(readOnly = true)
	List<InstrumentRepository.Head> list(long organisationId) {
		return this.repository.list(organisationId);
	}

	/**
	 * Imports a pack for the organisation through {@link Imports#run}: all or nothing,
	 * under the organisation's import lock, recorded in the import history.
	 * @return the number of items imported
	 * @throws bryt.shared.imports.ImportRefusedException with every problem, when nothing
	 * was stored
	 */
	int importPack(long organisationId, InstrumentImportForm form, String fileName, InputStream file, Actor actor) {
		return this.imports.run(organisationId, new InstrumentImport(this.repository, this.clock, form, actor.name()),
				fileName, file, actor);
	}

	/** A text in the locale, or in the first language it has. */
	static String text(Map<String, String> texts, String locale) {
		String text = texts.get(locale);
		return (text != null) ? text : texts.values().stream().findFirst().orElse("");
	}

}
