package bryt.voice;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.organisation.Organisations;
import bryt.shared.DemoMode;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, the demo municipality gets two channels that HR and the union's safety
 * representative receive together, and those two accounts get their key pairs (their
 * password is the demo password, so the keys can be made without them).
 */
@Component
class DemoChannels {

	static final String ORGANISATION = "exempelby";

	private final DemoMode demo;

	private final Organisations directory;

	private final ChannelRepository channels;

	private final Channels changes;

	private final RecipientKeys keys;

	private final TransactionTemplate transaction;

	private final DefaultQuestionnaire questionnaire;

	DemoChannels(DemoMode demo, Organisations directory, ChannelRepository channels, Channels changes,
			RecipientKeys keys, TransactionTemplate transaction, DefaultQuestionnaire questionnaire) {
		this.changes = changes;
		this.questionnaire = questionnaire;
		this.demo = demo;
		this.directory = directory;
		this.channels = channels;
		this.keys = keys;
		this.transaction = transaction;
	}

	/** After the application runners, so after the demo municipality exists. */
	@EventListener(ApplicationReadyEvent.class)
	void create() {
		if (!this.demo.active()) {
			return;
		}
		this.directory.findByCode(ORGANISATION)
			.ifPresent((organisation) -> this.transaction.executeWithoutResult((status) -> create(organisation.id())));
	}

	private void create(long organisationId) {
		if (!this.channels.findAll(organisationId).isEmpty()) {
			return;
		}
		Map<String, Long> accounts = this.directory.accounts(organisationId)
			.stream()
			.collect(Collectors.toMap(Organisations.AccountSummary::username, Organisations.AccountSummary::id));
		List<Long> recipients = List.of(accounts.get("hr"), accounts.get("union"));
		for (long account : Set.copyOf(recipients)) {
			if (!this.keys.hasKey(account)) {
				this.keys.create(organisationId, account, DemoMode.PASSWORD);
			}
		}
		this.changes.create(organisationId,
				new ChannelForm(ChannelKind.WHISTLEBLOWING, "Visselblåsning", 7, 3, 730, true, recipients),
				this.questionnaire.of(ChannelKind.WHISTLEBLOWING));
		this.changes.create(organisationId, new ChannelForm(ChannelKind.WORK_ENVIRONMENT,
				"Arbetsmiljö och missförhållanden", 7, 3, 730, true, recipients),
				this.questionnaire.of(ChannelKind.WORK_ENVIRONMENT));
	}

}
