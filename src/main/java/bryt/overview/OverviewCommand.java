package bryt.overview;

import java.io.PrintStream;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.cli.Command;
import bryt.shared.cli.CommandName;
import bryt.shared.cli.Options;
import bryt.shared.time.Quarter;

import org.springframework.stereotype.Component;

/**
 * The operator's overview commands (ovtrust):
 * {@code overview comments --org <org> --quarter yyyy-Qn} lists every version of both
 * sides' comments on the quarter's snapshots with their ids, and
 * {@code overview redact-comment --org <org> --comment <id> --by <operator> --reason <why>}
 * replaces one comment's text by {@value Reviews#REDACTED} in every output (the page, the
 * API, the committee report), keeping who, when and why
 * ({@code overview_comment_redaction}) and not the original. For a name or a health
 * remark that got into a public document; the parties' comments are otherwise never
 * changed.
 */
@Component
@CommandName("overview")
class OverviewCommand implements Command {

	private final Organisations organisations;

	private final Reviews reviews;

	OverviewCommand(Organisations organisations, Reviews reviews) {
		this.organisations = organisations;
		this.reviews = reviews;
	}

	@Override
	public String usage() {
		return "overview comments --org <org> --quarter yyyy-Qn | overview redact-comment --org <org> --comment <id> "
				+ "--by <operator> --reason <why>";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options options = Options.parse(args);
		if (options.positional().size() != 1) {
			throw new IllegalArgumentException("Say what: overview comments … or overview redact-comment …");
		}
		String what = options.positional().getFirst();
		Set<String> allowed = switch (what) {
			case "comments" -> Set.of("org", "quarter");
			case "redact-comment" -> Set.of("org", "comment", "by", "reason");
			default -> throw new IllegalArgumentException(
					"Unknown overview command " + what + "; it is comments or redact-comment");
		};
		for (String name : options.named().keySet()) {
			if (!allowed.contains(name)) {
				throw new IllegalArgumentException("Unknown option --" + name);
			}
		}
		String code = options.require("org");
		Organisation organisation = this.organisations.findByCode(code)
			.orElseThrow(() -> new IllegalArgumentException("No organisation with the code " + code));
		if (what.equals("comments")) {
			Quarter quarter;
			try {
				quarter = Quarter.parse(options.require("quarter"));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("--quarter is written yyyy-Qn, e.g. 2026-Q3");
			}
			for (Reviews.StoredComment comment : this.reviews.stored(organisation.id(), quarter)) {
				out.printf("#%d %s version %d %s %s%s%n  %s%n", comment.id(), comment.quarter(), comment.version(),
						comment.side(), comment.writtenAt(), comment.redacted() ? " (redacted)" : "",
						comment.body().replace("\n", "\n  "));
			}
			return 0;
		}
		long id;
		try {
			id = Long.parseLong(options.require("comment").strip().replaceFirst("^#", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--comment is a comment's number, as overview comments lists it");
		}
		Reviews.StoredComment done = this.reviews.redact(organisation.id(), id, options.require("by"),
				options.require("reason"));
		out.printf("Comment #%d (%s version %d, %s) now reads %s everywhere; the redaction is logged.%n", done.id(),
				done.quarter(), done.version(), done.side(), Reviews.REDACTED);
		return 0;
	}

}
