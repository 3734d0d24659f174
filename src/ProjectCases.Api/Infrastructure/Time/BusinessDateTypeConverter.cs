using System.ComponentModel;
using System.Globalization;

namespace ProjectCases;

/// <summary>
/// Lets form and query binding (the console's Razor Pages) read a <see cref="BusinessDate"/> from its text; a value
/// that is none of the three forms is a binding error on that field, as a malformed day was before.
/// </summary>
public sealed class BusinessDateTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? BusinessDate.TryParse(text.Trim(), out var date) ? date : throw new FormatException($"'{text}' is not {BusinessDate.Forms}.")
            : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is BusinessDate date ? date.ToString() : base.ConvertTo(context, culture, value, destinationType);
}
