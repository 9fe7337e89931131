package cn.yunying.dicom.xml;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.PersonName;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.data.Values;
import cn.yunying.dicom.dict.ElementDictionary;
import java.io.Writer;
import java.util.Base64;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the Native DICOM Model of PS3.19 A.1 with the JDK's StAX writer:
 * {@code NativeDicomModel/DicomAttribute[@tag,@vr,@keyword,@privateCreator]} with
 * {@code Value}, {@code PersonName}, {@code Item}, {@code InlineBinary} or
 * {@code BulkData} children. Empty values of a multi-valued attribute are empty
 * elements with their {@code number}; an attribute without value has no children. Encapsulated pixel
 * data is InlineBinary of its item stream, as in {@link cn.yunying.dicom.json.DicomJsonWriter}.
 */
public final class DicomXmlWriter {
    static final String[] PN_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    static final String[] PN_COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    private final XMLStreamWriter xml;
    private final boolean indent;
    private int depth;

    public DicomXmlWriter(Writer out, boolean indent) {
        try {
            this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("no StAX writer available", e);
        }
        this.indent = indent;
    }

    /** Writes a complete document with one data set. */
    public void write(Attributes attrs) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        newline();
        xml.writeStartElement("NativeDicomModel");
        xml.writeAttribute("xml:space", "preserve");
        depth++;
        writeDataSet(attrs);
        depth--;
        newline();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private void writeDataSet(Attributes attrs) throws XMLStreamException {
        for (int i = 0; i < attrs.size(); i++) {
            writeAttribute(attrs, i);
        }
    }

    private void writeAttribute(Attributes attrs, int i) throws XMLStreamException {
        int tag = attrs.tagAt(i);
        VR vr = attrs.vrAt(i);
        Object value = attrs.valueAt(i);
        newline();
        xml.writeStartElement("DicomAttribute");
        xml.writeAttribute("tag", Tag.toHex(tag));
        xml.writeAttribute("vr", value instanceof Sequence ? "SQ" : vr.name());
        String keyword = ElementDictionary.keywordOf(tag);
        if (!keyword.isEmpty()) {
            xml.writeAttribute("keyword", keyword);
        }
        String creator = attrs.getPrivateCreator(tag);
        if (creator != null) {
            xml.writeAttribute("privateCreator", creator);
        }
        depth++;
        if (value instanceof Sequence seq) {
            int n = 1;
            for (Attributes item : seq) {
                newline();
                xml.writeStartElement("Item");
                xml.writeAttribute("number", Integer.toString(n++));
                depth++;
                writeDataSet(item);
                depth--;
                newline();
                xml.writeEndElement();
            }
        } else if (value instanceof BulkData bulk) {
            bulkData(bulk);
        } else if (value instanceof Fragments f) {
            BulkData ref = f.itemStreamReference();
            if (ref != null) {
                bulkData(ref);
            } else {
                inline(f.toItemStream());
            }
        } else if (vr.kind() == VR.Kind.BINARY && (vr.isBulk() || vr == VR.OB)) {
            byte[] b = Values.littleEndianBytes(attrs, i);
            if (b.length > 0) {
                inline(b);
            }
        } else {
            writeValues(cn.yunying.dicom.json.DicomJsonWriter.normalized(attrs.getStrings(tag), vr), vr);
        }
        depth--;
        newline();
        xml.writeEndElement();
    }

    private void writeValues(String[] values, VR vr) throws XMLStreamException {
        for (int n = 0; n < values.length; n++) {
            newline();
            if (values[n].isEmpty()) {
                // An empty value keeps its place in a multi-valued attribute: an empty element.
                xml.writeEmptyElement(vr == VR.PN ? "PersonName" : "Value");
                xml.writeAttribute("number", Integer.toString(n + 1));
                continue;
            }
            if (vr == VR.PN) {
                xml.writeStartElement("PersonName");
                xml.writeAttribute("number", Integer.toString(n + 1));
                personName(PersonName.parse(values[n]));
            } else {
                xml.writeStartElement("Value");
                xml.writeAttribute("number", Integer.toString(n + 1));
                text(values[n]);
            }
            xml.writeEndElement();
        }
    }

    private void personName(PersonName pn) throws XMLStreamException {
        for (PersonName.Group g : PersonName.Group.values()) {
            if (!pn.hasGroup(g)) {
                continue;
            }
            xml.writeStartElement(PN_GROUPS[g.ordinal()]);
            for (PersonName.Component c : PersonName.Component.values()) {
                String text = pn.get(g, c);
                if (!text.isEmpty()) {
                    xml.writeStartElement(PN_COMPONENTS[c.ordinal()]);
                    text(text);
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
        }
    }

    /** XML parsers turn CR LF into LF, so carriage returns are written as character references. */
    private void text(String s) throws XMLStreamException {
        int start = 0;
        for (int i = s.indexOf('\r'); i >= 0; i = s.indexOf('\r', start)) {
            xml.writeCharacters(s.substring(start, i));
            xml.writeEntityRef("#13");
            start = i + 1;
        }
        xml.writeCharacters(s.substring(start));
    }

    private void bulkData(BulkData bulk) throws XMLStreamException {
        newline();
        xml.writeEmptyElement("BulkData");
        xml.writeAttribute("uri", bulk.toUriString());
    }

    private void inline(byte[] bytes) throws XMLStreamException {
        newline();
        xml.writeStartElement("InlineBinary");
        xml.writeCharacters(Base64.getEncoder().encodeToString(bytes));
        xml.writeEndElement();
    }

    private void newline() throws XMLStreamException {
        if (indent) {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
