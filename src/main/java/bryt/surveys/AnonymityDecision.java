package bryt.surveys;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether one figure may be shown and, if not, why. The same decision serves every output
 * (page, CSV/XLSX, PDF, API), so what one output hides no other reveals.
 *
 * @param hiddenBecause empty when the figure is shown
 * @param countedIn for {@link AnonymityReason#ROLLED_UP}: the unit whose figure counts
 * these answers
 */
public record AnonymityDecision(Optional<AnonymityReason> hiddenBecause, OptionalLong countedIn) {

	private static final AnonymityDecision SHOWN = new AnonymityDecision(Optional.empty(), OptionalLong.empty());

	public AnonymityDecision {
		Objects.requireNonNull(hiddenBecause, "hiddenBecause");
		Objects.requireNonNull(countedIn, "countedIn");
	}

	public static AnonymityDecision shownFigure() {
		return SHOWN;
	}

	public static AnonymityDecision hidden(AnonymityReason reason) {
		return new AnonymityDecision(Optional.of(reason), OptionalLong.empty());
	}

	public static AnonymityDecision rolledUpTo(long unitId) {
		return new AnonymityDecision(Optional.of(AnonymityReason.ROLLED_UP), OptionalLong.of(unitId));
	}

	public boolean shown() {
		return this.hiddenBecause.isEmpty();
	}

}
