/** The one icon the forms need, without a dependency on an icon package. */
export function MinusCircleOutlined({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label="remove"
      onClick={onClick}
      style={{ border: 'none', background: 'none', cursor: 'pointer', fontSize: 18, color: '#595959' }}
    >
      ⊖
    </button>
  );
}
