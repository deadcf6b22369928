package bryt.surveys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import bryt.shared.PersonalIdentityNumbers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The respondent's answers: found by the token's HMAC, held with the invitation's group
 * attributes (its answers and free text with it) and the invitation marked used, in one
 * transaction; the closing job releases them into the result tables in a random order
 * under new ids ({@link AnswerRepository#release}). Nothing about the respondent or the
 * request is read, kept or logged.
 */
@Service
class AnswerSubmissions {

	static final int MAX_TEXT = 4000;

	private final AnswerRepository answers;

	private final CycleRepository cycles;

	private final InvitationKey key;

	private final Clock clock;

	AnswerSubmissions(AnswerRepository answers, CycleRepository cycles, InvitationKey key, Clock clock) {
		this.answers = answers;
		this.cycles = cycles;
		this.key = key;
		this.clock = clock;
	}

	/**
	 * What a typed or linked code opens: the same {@link Found.State#NONE} for a code
	 * that is malformed, unknown or used, so that trying codes tells nothing.
	 */
	Found find(String typed, String language) {
		Optional<InvitationCode> code = InvitationCode.parse(typed);
		Optional<Cycle> cycle = code
			.flatMap((c) -> this.answers.unusedInvitationCycle(this.key.hmac(c), this.key.usedMark(c)))
			.flatMap(this.cycles::cycle);
		if (cycle.isEmpty()) {
			return new Found(Found.State.NONE, null, null, List.of());
		}
		if (cycle.get().cancelled()) {
			return new Found(Found.State.CANCELLED, code.get(), cycle.get(), List.of());
		}
		if (!cycle.get().answerable(LocalDate.now(this.clock))) {
			return new Found(Found.State.CLOSED, code.get(), cycle.get(), List.of());
		}
		return new Found(Found.State.OPEN, code.get(), cycle.get(),
				this.answers.items(cycle.get().instrumentId(), language));
	}

	/** The answer form's tag for an open code ({@link InvitationKey#formTag}). */
	String formTag(InvitationCode code) {
		return this.key.formTag(code);
	}

	/**
	 * The cycle whose answer form, with this tag, was already sent: a second post of the
	 * same form (a double click, or the form sent again from the browser's history).
	 * Empty for a code that is unknown or unused, or a tag that is not this code's
	 * form's, so that a used code typed or linked anew still gets the page of any code
	 * that opens nothing. Reads nothing but whether the code is used and stores nothing.
	 */
	@Transactional(readOnly = true)
	Optional<Cycle> alreadySent(String typed, String tag) {
		Optional<InvitationCode> code = InvitationCode.parse(typed);
		if (code.isEmpty() || tag == null
				|| !MessageDigest.isEqual(this.key.formTag(code.get()).getBytes(StandardCharsets.US_ASCII),
						tag.getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		return this.answers.usedInvitationCycle(this.key.hmac(code.get()), this.key.usedMark(code.get()))
			.flatMap(this.cycles::cycle);
	}

	/**
	 * The answers as posted, checked against the items: every item is optional; a value
	 * that is not one of the item's choices (only a crafted form sends one) or a text too
	 * long or with a personal identity number gives an error by field.
	 */
	static Checked check(List<AnswerItem> items, Map<String, List<String>> posted) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, List<Integer>> values = new LinkedHashMap<>();
		Map<String, String> texts = new LinkedHashMap<>();
		for (AnswerItem item : items) {
			List<String> given = posted.getOrDefault(item.field(), List.of())
				.stream()
				.filter((value) -> value != null && !value.isBlank())
				.toList();
			if (given.isEmpty()) {
				continue;
			}
			if (item.kind() == AnswerItem.Kind.TEXT) {
				String text = given.getFirst().strip();
				texts.put(item.key(), text);
				if (text.length() > MAX_TEXT) {
					errors.put(item.key(), "surveys.answer.error.tooLong");
				}
				else if (PersonalIdentityNumbers.containsOne(text)) {
					errors.put(item.key(), "surveys.answer.error.personalIdentityNumber");
				}
				continue;
			}
			TreeSet<Integer> chosen = new TreeSet<>();
			for (String value : (item.kind() == AnswerItem.Kind.REASONS) ? given : given.subList(0, 1)) {
				String plain = value.strip();
				if (!plain.matches("[0-9]{1,2}") || Integer.parseInt(plain) > item.maxValue()) {
					errors.put(item.key(), "surveys.answer.error.choice");
					break;
				}
				chosen.add(Integer.parseInt(plain));
			}
			values.put(item.key(), new ArrayList<>(chosen));
		}
		return new Checked(values, texts, errors);
	}

	/**
	 * Writes checked answers; {@code false} (and nothing written) when the token is
	 * unknown or used, or its cycle is not taking answers today.
	 */
	@Transactional
	boolean submit(InvitationCode code, Checked checked) {
		if (!checked.errors().isEmpty()) {
			throw new IllegalArgumentException("Answers with errors");
		}
		Optional<AnswerRepository.Claimed> claimed = this.answers.claim(this.key.hmac(code), this.key.usedMark(code),
				LocalDate.now(this.clock));
		if (claimed.isEmpty()) {
			return false;
		}
		// Held until the cycle closes: see AnswerRepository.release.
		UUID held = UUID.randomUUID();
		this.answers.hold(held, claimed.get());
		this.answers.holdAnswers(held, checked.values());
		checked.texts().forEach((item, text) -> this.answers.holdComment(held, item, text));
		if (claimed.get().program().exit()) {
			this.answers.remix(claimed.get().cycleId());
		}
		return true;
	}

	/**
	 * @param values chosen values by item key
	 * @param texts free text by item key
	 * @param errors message keys by item key
	 */
	record Checked(Map<String, List<Integer>> values, Map<String, String> texts, Map<String, String> errors) {

		/** The posted values as the form shows them again: field → values as text. */
		Map<String, List<String>> shown() {
			Map<String, List<String>> shown = new LinkedHashMap<>();
			this.values
				.forEach((item, chosen) -> shown.put("item." + item, chosen.stream().map(String::valueOf).toList()));
			this.texts.forEach((item, text) -> shown.put("item." + item, List.of(text)));
			return shown;
		}

	}

	/**
	 * @param code the canonical code, for the form's hidden field; null for NONE
	 */
	record Found(State state, InvitationCode code, Cycle cycle, List<AnswerItem> items) {

		enum State {

			NONE, CLOSED, CANCELLED, OPEN

		}

	}

}
