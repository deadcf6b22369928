package bryt.surveys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bryt's own questions, shipped as packs in the import format under
 * {@code src/main/resources/surveys/} and stored at every start when missing (for
 * everyone: {@code organisation_id} null). A stored one is never changed: a new wording
 * is a new pack with a new key ({@code bryt-annual-2}), so earlier cycles keep the words
 * they were answered on. Runs before the demo data, which answers them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DefaultInstruments implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DefaultInstruments.class);

	/** Bryt's licence (pom.xml). */
	static final String LICENCE = "EUPL-1.2";

	static final String ATTRIBUTION = "Bryt";

	/** Each pack: its key, its file, its name in sv, da and en. */
	static final List<Pack> PACKS = List.of(
			new Pack(Instruments.ANNUAL, "surveys/bryt-annual-1.csv",
					Map.of("sv", "Bryts årliga arbetsmiljöenkät", "da", "Bryts årlige arbejdsmiljøundersøgelse", "en",
							"Bryt's annual work-environment survey")),
			new Pack(Instruments.PULSE, "surveys/bryt-pulse-1.csv",
					Map.of("sv", "Bryts pulsmätning", "da", "Bryts pulsmåling", "en", "Bryt's pulse survey")),
			new Pack(Instruments.EXIT, "surveys/bryt-exit-1.csv", Map.of("sv", "Bryts avgångsenkät", "da",
					"Bryts fratrædelsesundersøgelse", "en", "Bryt's exit survey")));

	private final InstrumentRepository instruments;

	private final TransactionTemplate transaction;

	DefaultInstruments(InstrumentRepository instruments, TransactionTemplate transaction) {
		this.instruments = instruments;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		load();
	}

	/** Stores each of Bryt's packs that is not stored yet; returns how many it stored. */
	int load() {
		int stored = 0;
		for (Pack pack : PACKS) {
			// One transaction per pack; two instances starting at once both try, and
			// the unique key lets one of them through.
			Boolean added = this.transaction.execute((status) -> store(pack));
			if (Boolean.TRUE.equals(added)) {
				log.info("Stored Bryt's instrument {}", pack.key());
				stored++;
			}
		}
		return stored;
	}

	private boolean store(Pack pack) {
		if (this.instruments.exists(null, pack.key())) {
			return false;
		}
		InstrumentPack read = read(pack);
		return this.instruments
			.insert(null, pack.key(), pack.names(), read.locales(), LICENCE, ATTRIBUTION, true, null, null)
			.map((id) -> {
				InstrumentImport.store(this.instruments, id, read);
				return true;
			})
			.orElse(false);
	}

	/** A pack as shipped; a refusal here is a bug in Bryt, found by its tests. */
	static InstrumentPack read(Pack pack) {
		try (InputStream in = new ClassPathResource(pack.file()).getInputStream()) {
			return InstrumentPack.read(pack.file(), in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Pack(String key, String file, Map<String, String> names) {

	}

}
