package bryt.shared.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat writes a response body larger than its socket write buffer in pieces of that
 * buffer's size, one system call each: with the default 8 KB, the 314 KB of a large
 * organisation's workload JSON took 39 writes (and as many TCP segments for the client to
 * read). 64 KB, the loopback's segment size, takes 5. The buffer is per connection, so
 * the cost is 56 KB more for each open one.
 */
@Configuration(proxyBeanMethods = false)
class SocketWriteBuffer {

	static final int BYTES = 64 * 1024;

	@Bean
	TomcatConnectorCustomizer largeSocketWriteBuffer() {
		return (connector) -> connector.setProperty("socket.appWriteBufSize", String.valueOf(BYTES));
	}

}
