package bryt.voice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access log's settings, {@code bryt.access-log.*}, with the defaults of README's
 * table. {@code bryt.access-log.export-interval} is read by the export's
 * {@code @Scheduled} annotation, which takes a placeholder, not a bean.
 *
 * @param key the access log's key, Base64; empty uses (and creates)
 * {@code keys/access-log.key} under the data directory. Never shown: see
 * {@link #toString()}
 * @param exportDir where the chains' heads are exported; empty for {@code access-log}
 * under the data directory
 * @param replaceLostKey start once with a new key when the old one is lost for good,
 * sealing every log
 */
@ConfigurationProperties("bryt.access-log")
record AccessLogProperties(@DefaultValue("") String key, @DefaultValue("") String exportDir,
		@DefaultValue("false") boolean replaceLostKey) {

	/** Without the key, which is a secret. */
	@Override
	public String toString() {
		return "AccessLogProperties[key=" + (this.key.isBlank() ? "" : "***") + ", exportDir=" + this.exportDir
				+ ", replaceLostKey=" + this.replaceLostKey + "]";
	}

}
