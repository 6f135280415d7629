package vn.dvctt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DvcttApplication {

    public static void main(String[] args) {
        SpringApplication.run(DvcttApplication.class, args);
    }
}
