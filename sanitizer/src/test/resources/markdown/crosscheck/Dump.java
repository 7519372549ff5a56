import dev.nbguard.sanitizer.*;
import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
public class Dump { public static void main(String[] a) throws Exception {
  ObjectMapper m = new ObjectMapper();
  JsonNode in = m.readTree(new java.io.File(a[0]));
  OutputPolicy p = OutputPolicy.preset(Preset.DEFAULT);
  ArrayNode out = m.createArrayNode();
  for (JsonNode s : in) {
    ObjectNode b = m.createObjectNode();
    b.set("data", m.createObjectNode().put("text/markdown", s.textValue()));
    SanitizedBundle r = p.sanitize(b);
    JsonNode md = r.bundle().path("data").path("text/markdown");
    out.add(m.createObjectNode().put("input", s.textValue()).set("output", md.isMissingNode() ? NullNode.instance : md));
  }
  m.writerWithDefaultPrettyPrinter().writeValue(new java.io.File(a[1]), out);
}}
