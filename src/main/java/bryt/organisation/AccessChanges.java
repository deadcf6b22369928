package bryt.organisation;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Notes when an administrator changed what an account may do or who can log in with it
 * ({@link AccessChanged}: roles, enabled, units, staff link, username, a second-factor
 * reset; {@link PasswordChanged} not by the holder: a password the administrator knows),
 * in the same transaction as the change. {@link Organisations#accessUnchangedSince} tells
 * other modules.
 */
@Component
class AccessChanges {

	private final AccountRepository accounts;

	private final Clock clock;

	AccessChanges(AccountRepository accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener
	void accessChanged(AccessChanged event) {
		this.accounts.accessChanged(event.accountId(), this.clock.instant());
	}

	/**
	 * The demo municipality's accounts stand as if made a year before the demo's day, as
	 * its staff have years of history: its representatives can approve comments at once.
	 * Demo mode only (the event is published only there), never on an external database.
	 * First of the event's listeners: the other modules' demos act through these accounts
	 * (safety's demo closes incidents as its safety representative, whose word counts
	 * only once the account has stood).
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void demoCreated(DemoMunicipalityCreated event) {
		this.accounts.createdOn(event.organisationId(),
				event.today().minusYears(1).atStartOfDay(this.clock.getZone()).toInstant());
	}

	/**
	 * A password the holder chose makes the account theirs (from now); one an
	 * administrator set makes it not theirs until they choose their own.
	 */
	@EventListener
	void passwordChanged(PasswordChanged event) {
		if (event.byAccountHolder()) {
			this.accounts.passwordSetByHolder(event.accountId(), this.clock.instant());
		}
		else {
			this.accounts.passwordSetByAdministrator(event.accountId(), this.clock.instant());
		}
	}

	/**
	 * An administrator changed anything else of the account (its display name): counted
	 * as a change too, as a new name can make an account pass for someone else's.
	 */
	@EventListener
	void edited(AccountEdited event) {
		this.accounts.accessChanged(event.accountId(), this.clock.instant());
	}

}
