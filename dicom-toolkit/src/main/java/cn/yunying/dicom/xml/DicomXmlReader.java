package cn.yunying.dicom.xml;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.PersonName;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.dict.ElementDictionary;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the Native DICOM Model (PS3.19 A.1) with the JDK's StAX reader; the
 * inverse of {@link DicomXmlWriter}. DTDs and external entities are disabled.
 * Private attributes are placed in this data set's block of their
 * {@code privateCreator}, which may differ from the block number in the tag.
 */
public final class DicomXmlReader {
    private final XMLStreamReader xml;

    private DicomXmlReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    public static Attributes read(Reader in) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            DicomXmlReader r = new DicomXmlReader(reader);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    if (!"NativeDicomModel".equals(reader.getLocalName())) {
                        throw new IOException("not a Native DICOM Model document: <" + reader.getLocalName() + ">");
                    }
                    Attributes attrs = new Attributes();
                    r.readDataSet(attrs);
                    return attrs;
                }
            }
            throw new IOException("empty XML document");
        } catch (XMLStreamException e) {
            throw new IOException("invalid XML: " + e.getMessage(), e);
        }
    }

    /** Reads DicomAttribute children until the enclosing element ends. */
    private void readDataSet(Attributes attrs) throws XMLStreamException, IOException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!"DicomAttribute".equals(xml.getLocalName())) {
                    throw new IOException("unexpected element <" + xml.getLocalName() + "> in a data set");
                }
                readAttribute(attrs);
            }
        }
    }

    private void readAttribute(Attributes attrs) throws XMLStreamException, IOException {
        String tagText = xml.getAttributeValue(null, "tag");
        String vrText = xml.getAttributeValue(null, "vr");
        String creator = xml.getAttributeValue(null, "privateCreator");
        int tag;
        try {
            tag = Tag.parse(tagText == null ? "" : tagText);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad tag attribute: " + tagText);
        }
        if (creator != null && Tag.isPrivate(tag) && !Tag.isPrivateCreator(tag)) {
            tag = attrs.reservePrivateTag(creator, Tag.group(tag), tag & 0xFF);
        }
        VR vr = vrText != null ? VR.ofName(vrText) : ElementDictionary.vrOf(tag);
        if (vr == null) {
            throw new IOException("unknown vr " + vrText + " for " + Tag.toString(tag));
        }
        List<String> values = new ArrayList<>();
        Sequence seq = vr == VR.SQ ? attrs.newSequence(tag, 2) : null;
        boolean binary = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            int number = numberAttribute();
            switch (name) {
                case "Value" -> setAt(values, number, xml.getElementText());
                case "PersonName" -> setAt(values, number, personName());
                case "Item" -> readDataSet(seq == null ? new Attributes() : seq.addNew());
                case "InlineBinary" -> {
                    byte[] bytes = decode(xml.getElementText());
                    if (tag == Tag.PIXEL_DATA && Fragments.looksLikeItemStream(bytes)) {
                        try {
                            attrs.setValue(tag, vr, Fragments.fromItemStream(vr, bytes));
                        } catch (IllegalArgumentException e) {
                            throw new IOException(e.getMessage());
                        }
                    } else {
                        attrs.setBytes(tag, vr, bytes);
                    }
                    binary = true;
                }
                case "BulkData" -> {
                    attrs.setValue(tag, vr, BulkData.fromUriString(xml.getAttributeValue(null, "uri"), false));
                    skipElement();
                    binary = true;
                }
                default -> throw new IOException("unexpected element <" + name + "> in " + Tag.toString(tag));
            }
        }
        if (seq == null && !binary) {
            try {
                if (values.isEmpty()) {
                    attrs.setValue(tag, vr, null);
                } else {
                    attrs.setString(tag, vr, values.toArray(new String[0]));
                }
            } catch (IllegalArgumentException e) { // includes NumberFormatException
                throw new IOException("values not valid for " + vr + " in " + Tag.toString(tag) + ": " + e.getMessage());
            }
        }
    }

    private String personName() throws XMLStreamException, IOException {
        PersonName pn = new PersonName();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            int g = indexOf(DicomXmlWriter.PN_GROUPS, xml.getLocalName());
            if (g < 0) {
                throw new IOException("unexpected element <" + xml.getLocalName() + "> in PersonName");
            }
            while (xml.hasNext()) {
                int inner = xml.next();
                if (inner == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (inner == XMLStreamConstants.START_ELEMENT) {
                    int c = indexOf(DicomXmlWriter.PN_COMPONENTS, xml.getLocalName());
                    if (c < 0) {
                        throw new IOException("unexpected element <" + xml.getLocalName() + "> in a name group");
                    }
                    pn.set(PersonName.Group.values()[g], PersonName.Component.values()[c], xml.getElementText());
                }
            }
        }
        return pn.toString();
    }

    private int numberAttribute() throws IOException {
        String n = xml.getAttributeValue(null, "number");
        if (n == null) {
            return -1;
        }
        try {
            int v = Integer.parseInt(n);
            if (v < 1 || v > 1_000_000) {
                throw new IOException("value number out of range: " + n);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IOException("bad number attribute: " + n);
        }
    }

    private static void setAt(List<String> values, int number, String text) {
        int index = number < 0 ? values.size() : number - 1;
        while (values.size() <= index) {
            values.add("");
        }
        values.set(index, text);
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void skipElement() throws XMLStreamException {
        int level = 1;
        while (level > 0 && xml.hasNext()) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }

    private static byte[] decode(String base64) throws IOException {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("bad base64 in InlineBinary");
        }
    }
}
