package mx.cte.channel.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One subscription, from a factory configuration {@code etc/mx.cte.channel-NAME.cfg}: where the channel is, whose key
 * signs its index, and whether what it offers is installed without an administrator.
 */
@Component(service = ChannelSubscription.class, configurationPid = ChannelSubscription.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = "cte.configuration.optional=true")
@Designate(ocd = ChannelSubscription.Config.class, factory = true)
public final class ChannelSubscription {

    static final String FACTORY_PID = "mx.cte.channel";

    @ObjectClassDefinition(name = "CTE publication channel subscription")
    public @interface Config {
        @AttributeDefinition(description = "The subscription's name, as lists and commands show it (sep, edomex)")
        String name();

        @AttributeDefinition(description = "The channel's folder: https://…/canal/, file:/ruta/canal/ or an offline"
                + " kit file:/ruta/kit.zip")
        String url();

        @AttributeDefinition(description = "Whose key signs the index: SEP or an entidad code such as 15")
        String publisher();

        @AttributeDefinition(description = "manual (default): an administrator installs; automatica: new compatible"
                + " editions are installed at each check")
        String installation() default "manual";
    }

    private final String name;
    private final String url;
    private final String publisher;
    private final boolean automatic;
    private final ChannelSource source;

    @Activate
    public ChannelSubscription(Config config) {
        this.name = required(config.name(), "name").strip();
        this.url = required(config.url(), "url").strip();
        this.publisher = required(config.publisher(), "publisher").strip();
        this.automatic = "automatica".equalsIgnoreCase(config.installation() == null ? ""
                : config.installation().strip());
        this.source = ChannelSource.of(url);
    }

    ChannelSubscription(String name, String url, String publisher, boolean automatic, ChannelSource source) {
        this.name = name;
        this.url = url;
        this.publisher = publisher;
        this.automatic = automatic;
        this.source = source;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("etc/mx.cte.channel-*.cfg: falta " + field);
        }
        return value;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    String publisher() {
        return publisher;
    }

    boolean automatic() {
        return automatic;
    }

    ChannelSource source() {
        return source;
    }
}
