package bryt.voice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import bryt.organisation.CurrentAccount;
import bryt.organisation.HomeCard;
import bryt.organisation.HomeCard.Figure;
import bryt.organisation.HomeCard.Tone;
import bryt.organisation.HomeCards;
import bryt.organisation.Role;
import bryt.organisation.Visibility;

import org.springframework.stereotype.Component;

/**
 * Voice's cards on the home page.
 * <ul>
 * <li>To an account with an inbox: how many of the reports in it wait for
 * acknowledgement, how many of those are overdue, and the earliest last day, from the
 * same rows and {@link Deadlines} the inbox shows. Counts and dates only, never content,
 * and only of reports the account holds a key for: a manager excluded from a report never
 * learns from this page that it exists.</li>
 * <li>To staff: the way to report anonymously.</li>
 * </ul>
 */
@Component
class VoiceHomeCards implements HomeCards {

	private final Reports reports;

	private final ChannelRepository channels;

	VoiceHomeCards(Reports reports, ChannelRepository channels) {
		this.reports = reports;
		this.channels = channels;
	}

	@Override
	public List<HomeCard> cards(CurrentAccount account, Visibility visibility, LocalDate today) {
		List<HomeCard> cards = new ArrayList<>();
		if (this.channels.readsReports(account.organisationId(), account.accountId())) {
			cards.add(inbox(account));
		}
		if (account.has(Role.STAFF)) {
			cards.add(new HomeCard(
					210, "home.voice.report.heading", List.of(Figure.of("home.voice.report.label",
							"home.voice.report.value", List.of(), "/report", Tone.NONE)),
					"home.voice.report.link", "/report"));
		}
		return cards;
	}

	private HomeCard inbox(CurrentAccount account) {
		List<Deadlines.Due> waiting = this.reports.inbox(account.organisationId(), account.accountId())
			.stream()
			.filter((row) -> row.status() == ReportStatus.NEW && row.due() != null)
			.map(Reports.InboxRow::due)
			.toList();
		long overdue = waiting.stream().filter(Deadlines.Due::overdue).count();
		String href = "/voice?status=" + ReportStatus.NEW.name();
		List<Figure> rows = new ArrayList<>();
		rows.add(Figure.of("home.voice.waiting", "home.count", List.of(waiting.size()), href,
				waiting.isEmpty() ? Tone.GOOD : Tone.WARNING));
		rows.add(Figure.of("home.voice.overdue", "home.count", List.of(overdue),
				"/voice?status=" + ReportStatus.NEW.name() + "&overdue=true", (overdue == 0) ? Tone.GOOD : Tone.ALERT));
		waiting.stream()
			.map(Deadlines.Due::by)
			.min(Comparator.naturalOrder())
			.ifPresent((first) -> rows
				.add(Figure.of("home.voice.firstDue", "home.date", List.of(first.toString()), href, Tone.NONE)));
		return new HomeCard(200, "home.voice.inbox.heading", rows, "home.voice.inbox.link", "/voice");
	}

}
