package dev.capstan.testworld;

import dev.capstan.sandbox.HttpInterposer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The answers AWS gives to a request it throttles or fails, in the protocol of the service called, as the AWS API references
 * describe them: JSON services (ECS, CloudWatch Logs, DynamoDB, CodeDeploy) put the error's type in {@code __type}; Query
 * services (Elastic Load Balancing, Auto Scaling, STS) answer an ErrorResponse; EC2 its own Response/Errors with
 * RequestLimitExceeded on 503; S3 an Error with SlowDown on 503.
 */
final class FaultAnswers {
    private FaultAnswers() {
    }

    static byte[] answer(FaultPlan.Fault fault, HttpInterposer.Request request) {
        String service = request.service();
        String contentType = request.headers().getOrDefault("content-type", "");
        boolean json = contentType.startsWith("application/x-amz-json");
        String code = switch (fault) {
            case THROTTLE -> switch (service) {
                case "s3" -> "SlowDown";
                case "ec2" -> "RequestLimitExceeded";
                default -> json ? "ThrottlingException" : "Throttling";
            };
            case HTTP_500 -> "s3".equals(service) || "ec2".equals(service) ? "InternalError" : "InternalFailure";
            case HTTP_503 -> "ServiceUnavailable";
            case DROP -> throw new IllegalArgumentException("A dropped request has no answer");
        };
        int status = switch (fault) {
            case THROTTLE -> "s3".equals(service) || "ec2".equals(service) ? 503 : 400;
            case HTTP_500 -> 500;
            default -> 503;
        };
        String message = fault == FaultPlan.Fault.THROTTLE ? "Rate exceeded" : "Injected by the test's fault proxy";
        String requestId = UUID.randomUUID().toString();
        String body;
        String type;
        if (json) {
            body = "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}";
            type = contentType;
        } else if ("s3".equals(service)) {
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message + "</Message><RequestId>"
                    + requestId + "</RequestId></Error>";
            type = "application/xml";
        } else if ("ec2".equals(service)) {
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                    + "</Message></Error></Errors><RequestID>" + requestId + "</RequestID></Response>";
            type = "text/xml";
        } else {
            body = "<ErrorResponse><Error><Type>" + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + code + "</Code><Message>" + message
                    + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
            type = "text/xml";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + (status == 400 ? "Bad Request" : status == 500 ? "Internal Server Error" : "Service Unavailable")
                + "\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length + "\r\nx-amzn-RequestId: " + requestId
                + (json ? "\r\nx-amzn-ErrorType: " + code : "") + "\r\n\r\n";
        if (request.method().equals("HEAD")) {
            // An answer to HEAD has no body, whatever its Content-Length says: bytes after the head would be read as the next answer.
            bytes = new byte[0];
        }
        byte[] head8 = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[head8.length + bytes.length];
        System.arraycopy(head8, 0, whole, 0, head8.length);
        System.arraycopy(bytes, 0, whole, head8.length, bytes.length);
        return whole;
    }
}
