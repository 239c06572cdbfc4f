package cn.zhice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 知策: the runnable assembly of the knowledge base, matching, push, bot and admin modules. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ZhiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhiceApplication.class, args);
    }
}
