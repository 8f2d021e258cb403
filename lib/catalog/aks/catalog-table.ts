import { Requirement } from '../../model/requirement';
import { CatalogSection, SourceDocument } from '../catalog-section';
import { AksAddon } from './addon';
import { AksCloud } from './cloud';
import { AKS_DOCUMENT } from './document';

/** One table of the AKS document, transcribed: every row, one requirement per peer, in document order. */
export interface AksCatalogTable {
  /** Section key (`Provenance.section`), e.g. `azure-public-fqdn-rules` or `addon-azure-monitor`. */
  readonly section: string;
  /** The clouds the table applies to. */
  readonly clouds: readonly AksCloud[];
  /**
   * The add-on the table belongs to.
   * @default - none (core, optional, GPU and Windows tables)
   */
  readonly addon?: AksAddon;
  /** The table's heading (with its parent heading for add-on sub-tables). */
  readonly title: string;
  /** Document URL with the section anchor. */
  readonly url: string;
  /** The rows, one requirement per peer, in document order. */
  readonly requirements: readonly Requirement[];
}

/** What `aksTable` needs to transcribe one table. */
export interface AksTableProps {
  readonly section: string;
  readonly clouds: readonly AksCloud[];
  /** @default - none */
  readonly addon?: AksAddon;
  readonly title: string;
  /** The heading whose anchor the table cites (the table's own heading unless that one is not unique). */
  readonly anchorHeading: string;
  /** Adds the rows to the section, in document order. */
  readonly rows: (section: CatalogSection) => void;
  /** The document the table is from. @default AKS_DOCUMENT */
  readonly document?: SourceDocument;
}

/** Transcribes one table. */
export function aksTable(props: AksTableProps): AksCatalogTable {
  const section = new CatalogSection(props.document ?? AKS_DOCUMENT, props.section, props.title, learnAnchor(props.anchorHeading));
  props.rows(section);
  return {
    section: props.section,
    clouds: [...props.clouds],
    ...(props.addon ? { addon: props.addon } : {}),
    title: props.title,
    url: section.provenance.url,
    requirements: [...section.requirements],
  };
}

/**
 * The anchor Microsoft Learn gives a heading: lower case, punctuation dropped, each space a hyphen
 * (so `Azure Global required FQDN / application rules` becomes `azure-global-required-fqdn--application-rules`).
 */
export function learnAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}
